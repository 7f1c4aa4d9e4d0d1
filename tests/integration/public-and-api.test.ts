import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('health', () => {
  it('answers /healthz and /readyz with 200 once migrations are current', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
  });
});

describe('offices', () => {
  it('loads every KPU office: KPU RI, 38 provinces (KIP Aceh among them) and 514 regencies and cities', async () => {
    const res = await t.app.inject('/api/v1/offices');
    const body = res.json() as {
      total: number;
      offices: { level: string; nomenclature: string; slug: string }[];
    };
    expect(body.total).toBe(553);
    const count = (level: string) => body.offices.filter((o) => o.level === level).length;
    expect([count('RI'), count('PROVINSI'), count('KABKOTA')]).toEqual([1, 38, 514]);
    expect(body.offices.find((o) => o.slug === 'kip-aceh')?.nomenclature).toBe('KIP');
  });

  it('filters by level and by parent', async () => {
    const aceh = (await t.app.inject('/api/v1/offices?parent=kip-aceh')).json() as {
      total: number;
      offices: { parentCode: string }[];
    };
    expect(aceh.total).toBe(23);
    expect(aceh.offices.every((o) => o.parentCode === '11')).toBe(true);
    const provinces = (await t.app.inject('/api/v1/offices?level=PROVINSI')).json() as { total: number };
    expect(provinces.total).toBe(38);
  });

  it('rejects an unknown filter value with a message naming the field', async () => {
    const res = await t.app.inject({
      url: '/api/v1/offices?level=DESA',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('level');
    const parent = await t.app.inject('/api/v1/offices?parent=tidak-ada');
    expect(parent.statusCode).toBe(400);
    expect(parent.json().error.fields[0].field).toBe('parent');
    expect(parent.json().error.message).toContain('Kantor induk');
    expect(parent.json().error.message).toContain('Kantor tidak ditemukan');
  });

  it('shows a public office page with its sections, and a friendly 404 for an unknown office', async () => {
    const page = await t.app.inject('/kpu-kota-bandung');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('KPU Kota Bandung');
    expect(page.body).toContain('Daftar Informasi Publik');
    expect(page.body).toContain('lang="id"');
    const missing = await t.app.inject('/kpu-kota-atlantis');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Tidak ditemukan');
    expect(missing.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('switches to English by cookie and back, following only local paths', async () => {
    const res = await t.app.inject('/bahasa/en?next=/kpu-kota-bandung');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/kpu-kota-bandung');
    const cookie = res.cookies.find((c) => c.name === 'tbk_lang')!;
    const page = await t.app.inject({ url: '/', headers: { cookie: `tbk_lang=${cookie.value}` } });
    expect(page.body).toContain('lang="en"');
    expect(page.body).toContain('Find a KPU/KIP office');
    const evil = await t.app.inject('/bahasa/en?next=//evil.example');
    expect(evil.headers.location).toBe('/');
  });

  it('finds offices by name on the national front page', async () => {
    const page = await t.app.inject('/?q=Bandung');
    expect(page.body).toContain('KPU Kabupaten Bandung Barat');
    expect(page.body).toContain('KPU Kota Bandung');
  });
});

describe('due-date API', () => {
  const cases = parse(
    readFileSync(new URL('../../src/modules/calendar/data/deadline-cases.csv', import.meta.url), 'utf8'),
    {
      columns: true,
    },
  ) as { received_at: string; office_timezone: string; working_days: string; due_date: string }[];
  const officeByZone: Record<string, string> = {
    'Asia/Jakarta': 'kpu-ri',
    'Asia/Makassar': 'kpu-prov-bali',
    'Asia/Jayapura': 'kpu-kota-jayapura',
  };

  it.each(cases)(
    '$received_at + $working_days WD at an office in $office_timezone → $due_date',
    async (c) => {
      const q = new URLSearchParams({
        office: officeByZone[c.office_timezone]!,
        receivedAt: c.received_at,
        workingDays: c.working_days,
      });
      const res = await t.app.inject(`/api/v1/calendar/due-date?${q}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as {
        dueDate: string;
        receivedOn: string;
        skipped: { reason: string }[];
        warnings: unknown[];
      };
      expect(body.dueDate).toBe(c.due_date);
      expect(body.warnings).toEqual([]);
    },
  );

  it('explains the skipped days and warns about a year without a holiday list', async () => {
    const q = new URLSearchParams({
      office: 'kpu-ri',
      receivedAt: '2026-12-28T09:00:00+07:00',
      workingDays: '10',
    });
    const body = (
      await t.app.inject({ url: `/api/v1/calendar/due-date?${q}`, headers: { 'accept-language': 'en' } })
    ).json();
    expect(body.warnings).toEqual([
      expect.objectContaining({
        code: 'HOLIDAYS_NOT_LOADED',
        year: 2027,
        message: expect.stringContaining('2027'),
      }),
    ]);
    // 2027 is not loaded, yet its fixed-date 1 January still counts as a day off (issue 13 item 1).
    expect(body.skipped[0]).toEqual({
      date: '2027-01-01',
      reason: 'LIBUR_NASIONAL',
      name: 'Tahun Baru Masehi',
    });
    expect(body.skipped[1]).toEqual({ date: '2027-01-02', reason: 'WEEKEND', name: 'Sabtu' });
  });

  it.each([
    ['office', { office: 'nowhere', receivedAt: '2026-03-16T09:00:00+07:00', workingDays: '10' }],
    ['receivedAt', { office: 'kpu-ri', receivedAt: '16/03/2026', workingDays: '10' }],
    ['receivedAt', { office: 'kpu-ri', receivedAt: '2026-03-16T09:00:00', workingDays: '10' }],
    ['workingDays', { office: 'kpu-ri', receivedAt: '2026-03-16T09:00:00+07:00', workingDays: 'ten' }],
    ['workingDays', { office: 'kpu-ri', receivedAt: '2026-03-16T09:00:00+07:00', workingDays: '-1' }],
    ['workingDays', { office: 'kpu-ri', receivedAt: '2026-03-16T09:00:00+07:00', workingDays: '1000' }],
  ])('answers 400 naming %s for bad input', async (field, query) => {
    const res = await t.app.inject(`/api/v1/calendar/due-date?${new URLSearchParams(query)}`);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    // The message names the field by its label (issue 13 item 11); `field` stays the key.
    expect(body.error.message).toContain(
      { office: 'Kantor', receivedAt: 'Waktu diterima', workingDays: 'Jumlah hari kerja' }[field],
    );
    expect(body.error.message).not.toContain(field);
  });

  it('answers a missing parameter with 400 in the language asked for', async () => {
    const id = await t.app.inject('/api/v1/calendar/due-date?office=kpu-ri');
    expect(id.statusCode).toBe(400);
    expect(id.json().error.message).toContain('Wajib diisi');
    const en = await t.app.inject({
      url: '/api/v1/calendar/due-date?office=kpu-ri',
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().error.message).toContain('Required');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/offices', '/api/v1/calendar/due-date']),
    );
  });
});

describe('unexpected failures', () => {
  it('show a friendly page with a reference, never a stack trace', async () => {
    const { buildApp } = await import('../../src/web/app.ts');
    const app = await buildApp({ config: t.config, database: t.db, clock: t.clock, files: t.files });
    app.get('/boom', async () => {
      throw new Error('SELECT secret FROM somewhere failed at line 42');
    });
    await app.ready();
    try {
      const page = await app.inject('/boom');
      expect(page.statusCode).toBe(500);
      expect(page.body).toContain('Terjadi kesalahan di server');
      expect(page.body).toMatch(/Nomor referensi kejadian: [0-9a-f-]{36}/);
      expect(page.body).not.toContain('SELECT secret');
      const api = await app.inject({ url: '/boom', headers: { accept: 'application/json' } });
      expect(api.json()).toEqual({
        error: { code: 'INTERNAL', message: expect.any(String), requestId: expect.any(String) },
      });
      expect(api.body).not.toContain('SELECT secret');
    } finally {
      await app.close();
    }
  });
});
