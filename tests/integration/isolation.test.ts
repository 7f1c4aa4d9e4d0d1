import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/modules/people/schema.ts';
import { createStaff, createUnit, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Every staff route, tried by every kind of actor. Expectations are written out here by
// hand (not derived from the code under test): who may do what in KPU Kota Bandung.

const OFFICE = 'kpu-kota-bandung';

interface ActorSpec {
  name: string;
  roles: { office: string; role: Role }[];
}

const ACTORS: ActorSpec[] = [
  ...(
    [
      'ADMIN',
      'PPID',
      'ATASAN_PPID',
      'PETUGAS_LAYANAN',
      'PPID_PEMBANTU',
      'TIM_PERTIMBANGAN',
      'PEMBINA_PPID',
    ] as const
  ).map((role) => ({
    name: role,
    roles: [{ office: OFFICE, role }],
  })),
  { name: 'ADMIN of another office', roles: [{ office: 'kpu-kab-bandung', role: 'ADMIN' }] },
  { name: 'PPID of another province', roles: [{ office: 'kpu-prov-jawa-timur', role: 'PPID' }] },
  { name: 'PPID of the parent province', roles: [{ office: 'kpu-prov-jawa-barat', role: 'PPID' }] },
  { name: 'ADMIN of the parent province', roles: [{ office: 'kpu-prov-jawa-barat', role: 'ADMIN' }] },
  { name: 'NATIONAL_ADMIN', roles: [{ office: 'kpu-ri', role: 'NATIONAL_ADMIN' }] },
  {
    name: 'NATIONAL_ADMIN of another province',
    roles: [{ office: 'kpu-prov-bali', role: 'NATIONAL_ADMIN' }],
  },
];

// Which actors pass each route permission, for office KPU Kota Bandung.
const ALLOWED: Record<string, string[]> = {
  signedIn: ACTORS.map((a) => a.name),
  enterOffice: [
    'ADMIN',
    'PPID',
    'ATASAN_PPID',
    'PETUGAS_LAYANAN',
    'PPID_PEMBANTU',
    'TIM_PERTIMBANGAN',
    'PEMBINA_PPID',
    'NATIONAL_ADMIN',
  ],
  administerOffice: ['ADMIN', 'NATIONAL_ADMIN'],
  viewAudit: ['ADMIN', 'PPID', 'ATASAN_PPID', 'NATIONAL_ADMIN'],
  viewOutbox: ['ADMIN', 'PPID', 'NATIONAL_ADMIN'],
  createOffice: ['NATIONAL_ADMIN'],
  manageNationalHolidays: ['NATIONAL_ADMIN'],
  // information requests: the desk and the PPID roles; a unit only its dispositions; personal
  // data (NIK, identity scans) only the PPID and the Atasan PPID.
  viewRequests: ['PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN', 'PPID_PEMBANTU'],
  intakeRequests: ['PPID', 'PETUGAS_LAYANAN'],
  decideRequests: ['PPID'],
  answerDispositions: ['PPID', 'PPID_PEMBANTU'],
  viewRequestRegister: ['PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN'],
  viewRequestReports: ['PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN', 'PEMBINA_PPID'],
  viewRequesterIdentity: ['PPID', 'ATASAN_PPID'],
  // Daftar Informasi Publik, archive and SOP register (issue 5)
  viewDipDrafts: [
    'ADMIN',
    'PPID',
    'ATASAN_PPID',
    'PETUGAS_LAYANAN',
    'TIM_PERTIMBANGAN',
    'PEMBINA_PPID',
    'NATIONAL_ADMIN',
  ],
  manageDip: ['PPID', 'PETUGAS_LAYANAN'],
  proposeDipEntries: ['PPID_PEMBANTU'],
  importDipEntries: ['PPID', 'PETUGAS_LAYANAN', 'PPID_PEMBANTU'],
  manageArchive: ['PPID', 'PETUGAS_LAYANAN', 'PPID_PEMBANTU'],
  approveArchive: ['ATASAN_PPID'],
  manageSops: ['ADMIN', 'PPID', 'NATIONAL_ADMIN'],
  // Pengumuman serta-merta (issue 13): the PPID and the Atasan PPID announce
  publishUrgentAnnouncements: ['PPID', 'ATASAN_PPID'],
  // the Maklumat Pelayanan (Perki 1/2021 Pasal 47): the PPID sets it
  editServiceCharter: ['PPID'],
  // objections: the Atasan PPID alone decides; the desk and the PPID take them in; the PPID and
  // the Atasan PPID record disputes; the surat kuasa only for the PPID roles.
  viewObjections: ['PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN'],
  intakeObjections: ['PPID', 'PETUGAS_LAYANAN'],
  decideObjection: ['ATASAN_PPID'],
  recordDisputes: ['PPID', 'ATASAN_PPID'],
  viewObjectionRegister: ['PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN'],
  viewObjectionIdentity: ['PPID', 'ATASAN_PPID'],
  // reports and oversight (issue 11): the office's oversight roles and a national admin over it
  viewRollup: ['ADMIN', 'PPID', 'ATASAN_PPID', 'PEMBINA_PPID', 'NATIONAL_ADMIN'],
  // the annual report (Perki 1/2021 Pasal 56): the PPID writes, the Atasan PPID approves
  viewAnnualReport: ['ADMIN', 'PPID', 'ATASAN_PPID', 'PEMBINA_PPID', 'NATIONAL_ADMIN'],
  writeAnnualReport: ['PPID'],
  approveAnnualReport: ['ATASAN_PPID'],
  // exempt information (issue 10, seed 004): the desk collects, the PPID classifies, the three
  // approvers approve in the office's order; all of them (and a national admin) read the list
  viewExemptions: [
    'PPID',
    'PETUGAS_LAYANAN',
    'ATASAN_PPID',
    'TIM_PERTIMBANGAN',
    'PEMBINA_PPID',
    'NATIONAL_ADMIN',
  ],
  collectExemptions: ['PPID', 'PETUGAS_LAYANAN'],
  manageExemptions: ['PPID'],
  approveExemptions: ['ATASAN_PPID', 'TIM_PERTIMBANGAN', 'PEMBINA_PPID'],
};

let t: TestApp;
const clients = new Map<string, TestClient>();
let anonymous: TestClient;
let unitId: string;

beforeAll(async () => {
  t = await createTestApp();
  unitId = (await createUnit(t.db.db, OFFICE)).id;
  for (const a of ACTORS) {
    const { email } = await createStaff(t.db.db, t.clock, { roles: a.roles });
    const client = new TestClient(t.app);
    await client.login(email, TEST_PASSWORD);
    clients.set(a.name, client);
  }
  anonymous = new TestClient(t.app);
});
afterAll(async () => {
  await t.close();
});

function concreteUrl(url: string): string {
  return url
    .replace(':office', OFFICE)
    .replace(':unitId', unitId)
    .replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
}

async function attempt(client: TestClient, method: string, url: string) {
  if (method === 'GET') return client.get(url);
  return client.post(url, {}, { csrfFrom: client === anonymous ? '/staff/login' : '/staff/akun' });
}

describe('every staff route, as every actor', () => {
  it('has collected the staff routes', () => {
    expect(t.app.staffRoutes.length).toBeGreaterThan(20);
    for (const r of t.app.staffRoutes) expect(Object.keys(ALLOWED)).toContain(r.permission);
  });

  it('lets in exactly the actors the permission names, and never answers 500', async () => {
    const failures: string[] = [];
    for (const route of t.app.staffRoutes) {
      const url = concreteUrl(route.url);
      for (const actor of ACTORS) {
        const res = await attempt(clients.get(actor.name)!, route.method, url);
        // The release step declares intakeRequests, and the office's setting narrows it further:
        // the desk prepares files only where the office allows it (off here, on in
        // redaction-office.test.ts), so a refusal of the desk there is the setting at work.
        const narrowed =
          actor.name === 'PETUGAS_LAYANAN' && /\/(redaksi|rilis)\//.test(url) && res.statusCode === 403;
        const allowed = ALLOWED[route.permission]!.includes(actor.name) && !narrowed;
        if (res.statusCode >= 500)
          failures.push(`${route.method} ${url} as ${actor.name}: ${res.statusCode}`);
        else if (allowed && res.statusCode === 403)
          failures.push(`${route.method} ${url} as ${actor.name}: refused but should be allowed`);
        else if (!allowed && res.statusCode !== 403)
          failures.push(`${route.method} ${url} as ${actor.name}: ${res.statusCode} but should be 403`);
      }
    }
    expect(failures).toEqual([]);
    // Every staff route times every actor: several hundred requests, minutes on a loaded 2-core machine.
  }, 300_000);

  it('sends anonymous visitors to sign in and refuses their posts', async () => {
    for (const route of t.app.staffRoutes) {
      const url = concreteUrl(route.url);
      const res = await attempt(anonymous, route.method, url);
      if (route.method === 'GET') {
        expect(res.statusCode, url).toBe(302);
        expect(res.headers.location, url).toContain('/staff/login');
      } else {
        expect(res.statusCode, url).toBe(401);
      }
    }
  });

  it("never shows another office's people to a user of a different office", async () => {
    const bandungAdmin = clients.get('ADMIN')!;
    const page = await bandungAdmin.get('/staff/kpu-kab-bandung/pengguna');
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain('@test.terbuka.test');
  });

  it('ignores a bearer token on staff pages (tokens work on the API only)', async () => {
    const res = await t.app.inject({
      url: `/staff/${OFFICE}`,
      headers: { authorization: 'Bearer tbk_whatever' },
    });
    expect(res.statusCode).toBe(302);
  });
});
