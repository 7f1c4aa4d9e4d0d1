import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/modules/people/api-tokens.ts';
import { completeDipStep } from '../../src/modules/dip/complete-step.ts';
import { findActiveCycle } from '../../src/modules/dip/queries.ts';
import { startDipCycle } from '../../src/modules/dip/start-cycle.ts';
import { dipTeam, entry, useSeed001 } from '../helpers/dip-fixtures.ts';
import { office } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The DIP in the JSON API: public reading of published entries, the staff API for
// integrations (bearer token), all described in the OpenAPI document.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let team: Awaited<ReturnType<typeof dipTeam>>;
let officeId: string;
let ppidToken: string;
let timToken: string;
const ctx = () => ({ db: t.db.db, clock: t.clock });

beforeAll(async () => {
  t = await createTestApp({ now: '2026-01-05T02:00:00Z' });
  team = await dipTeam(t.db.db, t.clock, OFFICE);
  officeId = (await office(t.db.db, OFFICE)).id;
  await useSeed001(ctx(), team, officeId);
  ppidToken = (await createApiToken(ctx(), team.admin, { officeId, data: { name: 'SIAP', role: 'PPID' } }))
    .token;
  timToken = (
    await createApiToken(ctx(), team.admin, { officeId, data: { name: 'Tim', role: 'TIM_PERTIMBANGAN' } })
  ).token;
});
afterAll(async () => {
  await t.close();
});

const api = (method: 'POST' | 'PUT', url: string, token: string, payload: unknown) =>
  t.app.inject({
    method,
    url,
    payload: payload as Record<string, unknown>,
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
  });
const entriesUrl = `/api/v1/staff/offices/${OFFICE}/dip/entries`;

describe('the staff API', () => {
  it('refuses to add an entry when no cycle is running, or for a role that does not edit the DIP', async () => {
    const noCycle = await api('POST', entriesUrl, ppidToken, entry());
    expect(noCycle.statusCode).toBe(409);
    expect(noCycle.json().error.message).toBe('No DIP cycle is running.');
    await startDipCycle(ctx(), team.ppid, { officeId, data: { year: 2026 } });
    expect((await api('POST', entriesUrl, timToken, entry())).statusCode).toBe(403);
  });

  it('answers bad input with the fields that are wrong', async () => {
    const res = await api('POST', entriesUrl, ppidToken, {
      ...entry(),
      formats: [],
      category: 'RAHASIA',
      fileTypes: ['EXE'],
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['category', 'formats']);
    const types = await api('POST', entriesUrl, ppidToken, { ...entry(), fileTypes: ['EXE'] });
    expect(types.statusCode).toBe(400);
    expect(types.json().error.fields).toEqual([
      {
        field: 'fileTypes',
        message: 'File types: Unknown file type. Use e.g. PDF, DOCX, XLSX, CSV, JPG, PNG, MP4 or HTML.',
      },
    ]);
  });

  it('adds and changes entries of the draft, refusing a stale change', async () => {
    const created = await api(
      'POST',
      entriesUrl,
      ppidToken,
      entry({ documentTitle: 'Laporan Keuangan Tahun 2025' }),
    );
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      status: 'INCLUDED',
      documentTitle: 'Laporan Keuangan Tahun 2025',
      formats: ['SOFTCOPY', 'HARDCOPY'],
    });
    t.clock.advance(60_000);
    const changed = await api('PUT', `${entriesUrl}/${body.id}`, ppidToken, {
      ...entry({ documentTitle: 'Laporan Keuangan Tahun 2025 (audited)' }),
      expectedUpdatedAt: body.updatedAt,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().documentTitle).toBe('Laporan Keuangan Tahun 2025 (audited)');
    const stale = await api('PUT', `${entriesUrl}/${body.id}`, ppidToken, {
      ...entry({ documentTitle: 'Lama' }),
      expectedUpdatedAt: body.updatedAt,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await api('PUT', `${entriesUrl}/00000000-0000-4000-8000-000000000000`, ppidToken, entry())).statusCode,
    ).toBe(404);
  });
});

describe('the public API', () => {
  it('lists and returns published entries only', async () => {
    expect((await t.app.inject(`/api/v1/dip/entries?office=${OFFICE}`)).json().total).toBe(0);
    // Publish the running 2026 cycle (seed 001: collect, consolidate, decree, order, upload).
    const cycle = (await findActiveCycle(t.db.db, officeId))!;
    const steps: [typeof team.ppid, Record<string, string>][] = [
      [team.ppid, {}],
      [team.petugas, {}],
      [
        team.ppid,
        {
          decreeNumber: '2026/PPID/3273',
          decreeDate: '2026-02-01',
          decreeSignerName: 'Rina',
          decreeSignerTitle: 'PPID KPU Kota Bandung',
        },
      ],
      [team.ppid, { documentTo: 'Unit Pelayanan Informasi', note: 'Unggah' }],
      [team.petugas, {}],
    ];
    for (const [i, [actor, data]] of steps.entries())
      await completeDipStep(ctx(), actor, { officeId, cycleId: cycle.id, position: i + 1, data });
    const list = (await t.app.inject(`/api/v1/dip/entries?office=${OFFICE}&year=2026`)).json();
    expect(list.total).toBe(1);
    const [e] = list.entries;
    expect(e).toMatchObject({
      office: { slug: OFFICE, name: 'KPU Kota Bandung' },
      year: 2026,
      category: 'BERKALA',
      documentTitle: 'Laporan Keuangan Tahun 2025 (audited)',
    });
    const one = await t.app.inject(`/api/v1/dip/${OFFICE}/2026/${e.entryKey}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      entryKey: e.entryKey,
      decree: { number: '2026/PPID/3273', date: '2026-02-01' },
      downloads: [],
    });
    expect((await t.app.inject(`/api/v1/dip/${OFFICE}/2025/${e.entryKey}`)).statusCode).toBe(404);
    expect((await t.app.inject(`/api/v1/dip/${OFFICE}/dua/${e.entryKey}`)).statusCode).toBe(400);
    expect((await t.app.inject('/api/v1/dip/entries?office=tidak-ada')).statusCode).toBe(400);
  });

  it('is described in the OpenAPI document, staff endpoints with bearer security', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/dip/entries',
        '/api/v1/dip/{office}/{year}/{entryKey}',
        '/api/v1/staff/offices/{office}/dip/entries',
        '/api/v1/staff/offices/{office}/dip/entries/{entryId}',
        '/api/v1/staff/offices/{office}/dip/import',
      ]),
    );
    expect(doc.paths['/api/v1/staff/offices/{office}/dip/import'].post.security).toEqual([
      { bearerAuth: [] },
    ]);
    // Every $ref points at a schema in components (no dangling references).
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(Object.keys(doc.components.schemas), r).toContain(r);
    const ref = doc.paths['/api/v1/staff/offices/{office}/dip/entries'].post.requestBody.content[
      'application/json'
    ].schema.$ref
      .split('/')
      .at(-1);
    const body = doc.components.schemas[ref];
    expect(body.required).toEqual(
      expect.arrayContaining(['category', 'documentTitle', 'summary', 'formats', 'retention']),
    );
    expect(doc.paths['/api/v1/dip/entries'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['office', 'category', 'year', 'q']),
    );
  });
});
