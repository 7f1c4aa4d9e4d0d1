import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/modules/access/actor.ts';
import { createApiToken } from '../../src/modules/people/api-tokens.ts';
import type { Role } from '../../src/modules/people/schema.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { formFields, multipartBody } from '../helpers/multipart.ts';
import { pngImage, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// The route table, not a hand list, drives these: every route the app registers is either a
// staff page (with a permission, covered by isolation.test.ts), a staff API route (bearer
// token) or one of the public routes named below. A new route that is none of these fails
// the first test; a new staff route is tried by the others automatically.
//
// Then, with REAL records of KPU Kota Bandung (a request, its identity scan): staff of
// other offices try every staff page and every staff API route on them, through their own
// office's URL (an id from another office) and with their own token. Nothing may answer with
// the record, change it, or answer 5xx.

const OFFICE = 'kpu-kota-bandung';
const OTHER = 'kpu-kab-bandung';

// Public routes: anyone may call them (the PPID's public face, the public API, sign-in).
const PUBLIC = [
  /^GET \/$/,
  /^GET \*$/,
  /^GET \/(healthz|readyz|permohonan|dip|bahasa\/:lang)$/,
  /^(GET|POST) \/staff\/login$/,
  /^POST \/staff\/logout$/,
  /^GET \/api\/openapi\.json$/,
  /^GET \/api\/v1\/offices(\/:slug)?$/,
  /^POST \/api\/v1\/offices\/:slug\/requests$/,
  /^GET \/api\/v1\/calendar\//,
  /^GET \/api\/v1\/requests\/:number\/status$/,
  /^(GET|POST) \/api\/v1\/requests\/:number\/objections/,
  /^GET \/api\/v1\/dip\//,
  // open data (issues 10 and 11): the DIK in force and the service statistics, no personal data
  /^GET \/api\/v1\/offices\/:slug\/(exempt-information|statistics)$/,
  /^GET \/statistik(\.csv)?$/,
  // an officer's calendar feed (issue 15): the secret in the address is the credential
  /^GET \/kalender\/:file$/,
  /^(GET|POST) \/:office(\/|$)/,
];

let t: TestApp;
let requestId: string;
let requestNumber: string;
let fileId: string;
const sessions = new Map<string, TestClient>();
const tokens = new Map<string, string>();
let cases = 0;

const OUTSIDERS: { name: string; office: string; role: Role }[] = [
  { name: `PPID of ${OTHER}`, office: OTHER, role: 'PPID' },
  { name: `ADMIN of ${OTHER}`, office: OTHER, role: 'ADMIN' },
  { name: `PETUGAS_LAYANAN of ${OTHER}`, office: OTHER, role: 'PETUGAS_LAYANAN' },
  { name: 'PPID of kpu-prov-jawa-barat (parent)', office: 'kpu-prov-jawa-barat', role: 'PPID' },
];

function fill(url: string, officeSlug: string): string {
  return url
    .replace(':office', officeSlug)
    .replace(':slug', officeSlug)
    .replace(':id', requestId)
    .replace(':fileId', fileId)
    .replace(':kind', 'tanda-terima')
    .replace(':number', encodeURIComponent(requestNumber))
    .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
}

async function snapshot(): Promise<string> {
  const [row] = await queryRows<{ h: string }>(
    t.db.db,
    sql`SELECT md5(r::text || coalesce((SELECT string_agg(e::text, ',' ORDER BY e::text) FROM request_events e WHERE e.request_id = r.id), '')) AS h
        FROM requests r WHERE r.id = ${requestId}`,
  );
  return row!.h;
}

beforeAll(async () => {
  t = await createTestApp();
  const { payload, contentType } = multipartBody(formFields(sampleRequest()), [
    { field: 'identityFile', filename: 'ktp.png', contentType: 'image/png', bytes: pngImage(16) },
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/offices/${OFFICE}/requests`,
    payload,
    headers: { 'content-type': contentType },
  });
  expect(res.statusCode).toBe(201);
  requestNumber = res.json<{ number: string }>().number;
  const [row] = await queryRows<{ id: string; file: string }>(
    t.db.db,
    sql`SELECT r.id, d.file_id AS file FROM requests r JOIN request_identity_documents d ON d.request_id = r.id AND d.office_id = r.office_id WHERE r.number = ${requestNumber}`,
  );
  requestId = row!.id;
  fileId = row!.file;
  for (const o of OUTSIDERS) {
    const { email } = await createStaff(t.db.db, t.clock, { roles: [{ office: o.office, role: o.role }] });
    const c = new TestClient(t.app);
    await c.login(email, TEST_PASSWORD);
    sessions.set(o.name, c);
    const officeId = (await office(t.db.db, o.office)).id;
    tokens.set(
      o.name,
      (
        await createApiToken({ db: t.db.db, clock: t.clock }, cliActor(), {
          officeId,
          data: { name: o.name, role: o.role },
        })
      ).token,
    );
  }
});

afterAll(async () => {
  console.log(`isolation-routes: ${cases} cases`);
  await t.close();
});

describe('the route table', () => {
  it('classifies every route: staff page with a permission, staff API, or named public route', () => {
    const unclassified = t.app.routeTable
      .filter((r) => !r.url.startsWith('/assets/'))
      .filter((r) => !r.permission)
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !PUBLIC.some((p) => p.test(r)))
      .filter((r) => !/^\S+ \/api\//.test(r));
    expect(unclassified).toEqual([]);
    // staff pages outside an office are only the signed-in pages
    for (const r of t.app.routeTable.filter(
      (x) => x.url.startsWith('/staff') && !x.url.startsWith('/staff/:office'),
    )) {
      if (!PUBLIC.some((p) => p.test(`${r.method} ${r.url}`))) expect(r.permission, r.url).toBe('signedIn');
    }
  });
});

describe("another office's staff, on a real record of KPU Kota Bandung", () => {
  it('every staff page: through their own office URL with the Bandung ids, nothing is shown or changed', async () => {
    const before = await snapshot();
    const leaks: string[] = [];
    for (const route of t.app.staffRoutes.filter(
      (r) => r.url.startsWith('/staff/:office/') && /:(id|fileId)\b/.test(r.url),
    )) {
      for (const outsider of OUTSIDERS) {
        cases++;
        const name = outsider.name;
        const client = sessions.get(name)!;
        const url = fill(route.url, outsider.office);
        const res =
          route.method === 'GET'
            ? await client.get(url)
            : await client.post(url, {}, { csrfFrom: '/staff/akun' });
        if (res.statusCode >= 500) leaks.push(`${route.method} ${url} as ${name}: ${res.statusCode}`);
        else if (res.statusCode < 400 && route.method === 'GET')
          leaks.push(`${route.method} ${url} as ${name}: ${res.statusCode}`);
        if (res.body.includes(requestNumber) || res.body.includes('Dewi Lestari'))
          leaks.push(`${route.method} ${url} as ${name}: shows the record`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('every staff page of their own office (audit, outbox and token pages among them) shows nothing of the record', async () => {
    const pages = t.app.staffRoutes.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/staff/:office') && !/:(?!office\b)\w+/.test(r.url),
    );
    for (const p of ['/staff/:office/audit', '/staff/:office/kotak-keluar', '/staff/:office/token'])
      expect(pages.map((r) => r.url)).toContain(p);
    const leaks: string[] = [];
    for (const route of pages) {
      for (const outsider of OUTSIDERS) {
        cases++;
        const url = fill(route.url, outsider.office);
        const res = await sessions.get(outsider.name)!.get(url);
        if (res.statusCode >= 500) leaks.push(`${url} as ${outsider.name}: ${res.statusCode}`);
        if (
          res.body.includes(requestNumber) ||
          res.body.includes('Dewi Lestari') ||
          res.body.includes('dewi.lestari@')
        )
          leaks.push(`${url} as ${outsider.name}: shows the record`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('every staff API route: no token, a bad token and other offices’ tokens are refused', async () => {
    const before = await snapshot();
    const apiRoutes = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !PUBLIC.some((p) => p.test(`${r.method} ${r.url}`)),
    );
    expect(apiRoutes.length).toBeGreaterThan(15);
    const leaks: string[] = [];
    const who: [string, string | undefined][] = [
      ['no token', undefined],
      ['bad token', 'tbk_notatoken'],
      ...[...tokens].map(([n, tk]) => [n, tk] as [string, string]),
    ];
    for (const route of apiRoutes) {
      const url = fill(route.url, OFFICE);
      for (const [name, token] of who) {
        cases++;
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            'content-type': 'application/json',
          },
          ...(route.method === 'GET' ? {} : { payload: '{}' }),
        });
        if (res.statusCode >= 500 || res.statusCode < 400)
          leaks.push(`${route.method} ${url} as ${name}: ${res.statusCode}`);
        if (res.body.includes(requestNumber) || res.body.includes('Dewi Lestari'))
          leaks.push(`${route.method} ${url} as ${name}: shows the record`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
