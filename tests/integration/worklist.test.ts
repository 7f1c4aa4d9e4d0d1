import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/platform/audit/schema.ts';
import { isAppError } from '../../src/platform/errors.ts';
import { publicActor, type Actor } from '../../src/modules/access/actor.ts';
import { assignRequests } from '../../src/modules/requests/assign-requests.ts';
import { listWorklist, type WorklistFilter } from '../../src/modules/requests/list-worklist.ts';
import { findRequest, listEvents } from '../../src/modules/requests/queries.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { createStaff, createUnit, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { actorOf, BANDUNG_NIK, pngImage, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// The officer's worklist (issue 15): find a person by name, NIK (through the keyed hash only),
// phone in any spelling, email; the requester and officer columns; assignment; sort; paging;
// saved filters; bulk assignment and export.

const OFFICE = 'kpu-kota-bandung';
const OTHER_NIK = '3273014507850002';
let t: TestApp;
let officeId: string;
let ppid: Actor;
let desk: Actor;
let unit: Actor;
let deskUserId: string;
let ppidUserId: string;
let ppidClient: TestClient;
let deskClient: TestClient;
const ids: Record<string, string> = {};
const submitted: Record<string, { number: string; trackingCode: string }> = {};

async function submit(key: string, overrides: Record<string, unknown>) {
  const r = await submitRequest(requestsCtx(t), publicActor(), {
    officeId,
    channel: 'WEB',
    data: sampleRequest(overrides),
    uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage() }],
  });
  ids[key] = r.requestId;
  submitted[key] = r;
  t.clock.advance(60_000);
  return r;
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  const u = await createUnit(t.db.db, OFFICE, 'Subbagian Teknis');
  const p = await createStaff(t.db.db, t.clock, {
    name: 'Rina PPID',
    roles: [{ office: OFFICE, role: 'PPID' }],
  });
  const d = await createStaff(t.db.db, t.clock, {
    name: 'Agus Petugas',
    roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }],
  });
  const un = await createStaff(t.db.db, t.clock, {
    name: 'Sari Unit',
    roles: [{ office: OFFICE, role: 'PPID_PEMBANTU', unitId: u.id }],
  });
  ppid = await actorOf(t, p.user);
  desk = await actorOf(t, d.user);
  unit = await actorOf(t, un.user);
  deskUserId = d.user.id;
  ppidUserId = p.user.id;
  ppidClient = new TestClient(t.app);
  await ppidClient.login(p.email, TEST_PASSWORD);
  deskClient = new TestClient(t.app);
  await deskClient.login(d.email, TEST_PASSWORD);

  await submit('budi1', {
    name: 'Budi Santoso',
    nik: OTHER_NIK,
    phone: '0812-2000-3333',
    email: 'Budi.Santoso@contoh.test',
  });
  await submit('budi2', {
    name: 'budi  santoso',
    nik: OTHER_NIK,
    phone: '+62 812 2000 3333',
    email: 'budi.santoso@contoh.test',
    informationRequested:
      'Daftar calon terpilih anggota DPRD Kota Bandung hasil Pemilu 2024 beserta perolehan suaranya.',
  });
  await submit('dewi', {
    name: 'Dewi Lestari',
    nik: BANDUNG_NIK,
    phone: '022 4231 234',
    email: 'dewi@contoh.test',
  });
  await submit('andi', {
    name: 'Andi Wijaya',
    nik: BANDUNG_NIK,
    phone: '0813 1111 2222',
    email: 'andi@contoh.test',
  });
  await submit('citra', {
    name: 'Citra Kirana',
    nik: '3273015012950003',
    phone: '',
    email: 'citra@contoh.test',
  });
});
afterAll(async () => {
  await t.close();
});

async function find(actor: Actor, filter: WorklistFilter) {
  const list = await listWorklist(requestsCtx(t), actor, { officeId, filter: { view: 'all', ...filter } });
  return {
    ...list,
    keys: list.rows.map((r) => Object.entries(ids).find(([, id]) => id === r.request.id)![0]).sort(),
  };
}

describe('finding a person', () => {
  it.each([
    ['Budi', ['budi1', 'budi2']],
    ['budi santoso', ['budi1', 'budi2']],
    ['Santoso Budi', ['budi1', 'budi2']],
    ['SANTOSO', ['budi1', 'budi2']],
    ['0812 2000 3333', ['budi1', 'budi2']],
    ['+6281220003333', ['budi1', 'budi2']],
    ['3333', ['budi1', 'budi2']],
    ['(022) 4231234', ['dewi']],
    ['budi.santoso@CONTOH.test', ['budi1', 'budi2']],
    ['calon terpilih', ['budi2']],
    [BANDUNG_NIK, ['andi', 'dewi']],
    [`${BANDUNG_NIK.slice(0, 4)} ${BANDUNG_NIK.slice(4, 10)} ${BANDUNG_NIK.slice(10)}`, ['andi', 'dewi']],
    [BANDUNG_NIK.slice(0, 10), []],
    ['Zulkifli', []],
  ])('"%s" finds %j for the PPID', async (q, expected) => {
    expect((await find(ppid, { q })).keys).toEqual(expected);
  });

  it('matches a NIK only through the keyed hash, and only for those who may see NIKs', async () => {
    const row = await findRequest(t.db.db, officeId, ids.dewi!);
    expect(row!.nikBlindIndex).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(BANDUNG_NIK);
    expect(row!.phoneE164).toBe('+62224231234');
    // The desk sees no NIKs, so it cannot find by one either.
    expect((await find(desk, { q: BANDUNG_NIK })).keys).toEqual([]);
  });

  it('finds nothing for a unit outside its dispositions', async () => {
    expect((await find(unit, { q: 'Budi' })).keys).toEqual([]);
  });
});

describe('sorting and paging', () => {
  it('sorts by any column both ways and pages with a total', async () => {
    const asc = await listWorklist(requestsCtx(t), ppid, {
      officeId,
      filter: { view: 'all', sort: 'requester', dir: 'asc' },
    });
    const names = asc.rows.map((r) => r.request.requesterName.toLowerCase());
    expect(names).toEqual([...names].sort());
    const desc = await listWorklist(requestsCtx(t), ppid, {
      officeId,
      filter: { view: 'all', sort: 'requester', dir: 'desc' },
    });
    expect(desc.rows.map((r) => r.request.requesterName.toLowerCase())).toEqual([...names].reverse());
    const byNumber = await listWorklist(requestsCtx(t), ppid, {
      officeId,
      filter: { view: 'all', sort: 'number', dir: 'desc' },
    });
    const seqs = byNumber.rows.map((r) => r.request.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const pages = [];
    for (let page = 1; page <= 3; page++)
      pages.push(
        await listWorklist(requestsCtx(t), ppid, {
          officeId,
          filter: { view: 'all', sort: 'number', page, pageSize: 2 },
        }),
      );
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.map((p) => p.rows.length)).toEqual([2, 2, 1]);
    expect(new Set(pages.flatMap((p) => p.rows.map((r) => r.request.id))).size).toBe(5);
  });
});

describe('assignment', () => {
  it('assigns and reassigns, audited, with a staff-only timeline entry; "mine" and "unassigned" follow', async () => {
    const ctx = requestsCtx(t);
    expect(
      await assignRequests(ctx, ppid, {
        officeId,
        data: { requestIds: [ids.budi1, ids.budi2], assigneeId: deskUserId },
      }),
    ).toEqual({ changed: 2 });
    expect((await find(desk, { view: 'mine' })).keys).toEqual(['budi1', 'budi2']);
    expect((await find(ppid, { view: 'unassigned' })).keys).toEqual(['andi', 'citra', 'dewi']);
    // Again to the same officer: nothing changes, nothing is audited twice.
    expect(
      await assignRequests(ctx, ppid, {
        officeId,
        data: { requestIds: [ids.budi1], assigneeId: deskUserId },
      }),
    ).toEqual({ changed: 0 });
    expect(
      await assignRequests(ctx, desk, {
        officeId,
        data: { requestIds: [ids.budi1], assigneeId: ppidUserId },
      }),
    ).toEqual({ changed: 1 });
    const row = await findRequest(t.db.db, officeId, ids.budi1!);
    expect(row!.assignedName).toBe('Rina PPID');
    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.officeId, officeId),
          eq(auditLog.action, 'request.assigned'),
          eq(auditLog.entityId, ids.budi1!),
        ),
      );
    expect(audits.map((a) => (a.after as { assignedUserId: string }).assignedUserId)).toEqual([
      deskUserId,
      ppidUserId,
    ]);
    expect((audits[1]!.after as { previousUserId: string }).previousUserId).toBe(deskUserId);
    const events = await listEvents(t.db.db, officeId, ids.budi1!, false);
    expect(events.filter((e) => e.kind === 'ASSIGNED').map((e) => [e.public, e.data.officer])).toEqual([
      [false, 'Agus Petugas'],
      [false, 'Rina PPID'],
    ]);
    expect((await listEvents(t.db.db, officeId, ids.budi1!, true)).some((e) => e.kind === 'ASSIGNED')).toBe(
      false,
    );
  });

  it('refuses a unit as assigner and an assignee without a handling role', async () => {
    const ctx = requestsCtx(t);
    const refused = await assignRequests(ctx, unit, {
      officeId,
      data: { requestIds: [ids.dewi], assigneeId: deskUserId },
    }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe('FORBIDDEN');
    const bad = await assignRequests(ctx, ppid, {
      officeId,
      data: { requestIds: [ids.dewi], assigneeId: unit.userId },
    }).catch((e: unknown) => e);
    expect(isAppError(bad) && bad.code).toBe('VALIDATION');
    expect((await findRequest(t.db.db, officeId, ids.dewi!))!.assignedUserId).toBeNull();
  });
});

describe('the worklist page', () => {
  const base = `/staff/${OFFICE}/permohonan`;

  async function search(client: TestClient, q: string, extra: Record<string, string> = {}) {
    const res = await client.post(`${base}/cari`, { q, tampil: 'all', ...extra }, { csrfFrom: base });
    expect(res.statusCode).toBe(303);
    return res.headers.location as string;
  }

  it('searches without putting the person in the address, shows requester and officer, and says "no match"', async () => {
    const location = await search(ppidClient, 'Budi');
    expect(location).toMatch(/cari=/);
    expect(location).not.toMatch(/budi/i);
    const nikLocation = await search(ppidClient, BANDUNG_NIK);
    expect(nikLocation).not.toContain(BANDUNG_NIK);
    const page = await ppidClient.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/data-testid="requester">[^<]*santoso/gi)).toHaveLength(2);
    expect(page.body).toContain('data-testid="officer">Rina PPID');
    expect(page.body).toContain('value="Budi"');
    expect(page.body).toContain('Menampilkan 1–2 dari 2 permohonan');
    const none = await ppidClient.get(await search(ppidClient, 'Zulkifli'));
    expect(none.body).toContain('Tidak ada permohonan yang cocok');
    expect(none.body).not.toContain('Tidak ada permohonan yang menunggu');
    // Sort links keep the search and flip the direction of the active column.
    const sorted = await ppidClient.get(`${location}&urut=requester`);
    expect(sorted.body).toMatch(/aria-sort="ascending"/);
    expect(sorted.body).toMatch(/urut=requester&amp;arah=desc/);
  });

  it('assigns and exports a selection in bulk (CSV with , or ;, and Excel)', async () => {
    const assigned = await deskClient.post(
      `${base}/massal`,
      { action: 'assign', requestIds: [ids.dewi!, ids.andi!], assigneeId: deskUserId },
      { csrfFrom: base },
    );
    expect(assigned.statusCode).toBe(303);
    expect((await findRequest(t.db.db, officeId, ids.andi!))!.assignedName).toBe('Agus Petugas');
    const none = await deskClient.post(
      `${base}/massal`,
      { action: 'assign', assigneeId: deskUserId },
      { csrfFrom: base },
    );
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Pilih paling sedikit satu permohonan');
    const csv = await deskClient.post(
      `${base}/massal`,
      { action: 'csv-semicolon', requestIds: [ids.dewi!, ids.budi1!] },
      { csrfFrom: base },
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Nomor pendaftaran;Diterima;Tenggat;Status;Pemohon;Petugas;Informasi yang diminta;Saluran',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(';Budi Santoso;Rina PPID;');
    expect(lines[2]).toContain(';Dewi Lestari;Agus Petugas;');
    // The same selection in Excel: the dates are date cells shown in Indonesian.
    const xlsx = await deskClient.post(
      `${base}/massal`,
      { action: 'xlsx', requestIds: [ids.dewi!, ids.budi1!] },
      { csrfFrom: base },
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(5).getCell(5).value).toBe('Budi Santoso');
    expect(sheet.getRow(5).getCell(2).value).toBeInstanceOf(Date);
    expect(sheet.getRow(5).getCell(2).numFmt).toBe('[$-421]d mmmm yyyy');
    expect(sheet.getRow(6).getCell(3).value).toBeInstanceOf(Date);
  });

  it('saves filters for oneself or the office; only the author deletes', async () => {
    const location = await search(ppidClient, 'Budi');
    const query = new URL(location, 'http://x').search;
    const saved = await ppidClient.post(
      `${base}/filter`,
      { name: 'Pak Budi', query, shared: 'true' },
      { csrfFrom: base },
    );
    expect(saved.statusCode).toBe(303);
    await ppidClient.post(`${base}/filter`, { name: 'Pribadi', query: '?tampil=mine' }, { csrfFrom: base });
    const deskPage = await deskClient.get(base);
    expect(deskPage.body).toContain('Pak Budi');
    expect(deskPage.body).not.toContain('Pribadi');
    const link = /href="([^"]+)">Pak Budi</.exec(deskPage.body)![1]!.replace(/&amp;/g, '&');
    const followed = await deskClient.get(link);
    expect(followed.body.match(/data-testid="requester">/g)).toHaveLength(2);
    const filterId = /filter\/([0-9a-f-]{36})\/hapus/.exec((await ppidClient.get(base)).body)![1]!;
    const notMine = await deskClient.post(`${base}/filter/${filterId}/hapus`, {}, { csrfFrom: base });
    expect(notMine.statusCode).toBe(403);
    const tooShort = await ppidClient.post(`${base}/filter`, { name: 'x', query }, { csrfFrom: base });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('Nama filter');
  });

  it('lets an officer take a request on its page', async () => {
    const url = `${base}/${ids.citra}`;
    const page = await deskClient.get(url);
    expect(page.body).toContain('Belum ada petugas yang ditugaskan');
    const took = await deskClient.post(`${url}/petugas`, { assigneeId: '', take: 'true' }, { csrfFrom: url });
    expect(took.statusCode).toBe(302);
    expect((await deskClient.get(url)).body).toMatch(
      /data-testid="assigned-officer">Ditangani oleh Agus Petugas/,
    );
  });
});

describe('the public side', () => {
  it('finds offices as people type them', async () => {
    for (const [q, name] of [
      ['kab garut', 'KPU Kabupaten Garut'],
      ['kota bandung', 'KPU Kota Bandung'],
      ['bandng', 'KPU Kota Bandung'],
      ['KIP Aceh', 'KIP Aceh'],
    ] as const) {
      const home = await t.app.inject(`/?q=${encodeURIComponent(q)}`);
      const results = home.body.slice(
        home.body.indexOf('Hasil pencarian'),
        home.body.indexOf('KPU RI dan KPU Provinsi'),
      );
      expect(results, q).toContain(`>${name}<`);
      const find = await t.app.inject(`/permohonan?q=${encodeURIComponent(q)}`);
      expect(find.body, q).toContain(name);
    }
  });

  it('tracks with the number in any case and the code in any case', async () => {
    const { number, trackingCode } = submitted.dewi!;
    const requester = new TestClient(t.app);
    const res = await requester.post(
      `/${OFFICE}/permohonan/cek`,
      { number: ` ${number.toLowerCase()} `, code: trackingCode.toLowerCase() },
      { csrfFrom: `/${OFFICE}/permohonan/cek` },
    );
    expect(res.statusCode).toBe(302);
    const page = await requester.get(`/${OFFICE}/permohonan/cek`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(number);
  });

  it('leaves validation to the server on the public forms (no browser-language bubbles)', async () => {
    const form = await t.app.inject(`/${OFFICE}/permohonan`);
    expect(form.body).toMatch(/<form[^>]+class="request-form"[^>]*novalidate/i);
    const objection = await t.app.inject(`/${OFFICE}/keberatan`);
    expect(objection.body).toMatch(/<form[^>]+class="request-form"[^>]*novalidate/i);
  });
});
