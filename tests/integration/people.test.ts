import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/platform/crypto.ts';
import { cliActor } from '../../src/modules/access/actor.ts';
import { actorForApiToken, createApiToken, revokeApiToken } from '../../src/modules/people/api-tokens.ts';
import { actorForUser } from '../../src/modules/people/load-actor.ts';
import { createUserWithRole, setUserDisabled } from '../../src/modules/people/manage-users.ts';
import { findUserByEmail } from '../../src/modules/people/queries.ts';
import { apiTokens } from '../../src/modules/people/schema.ts';
import { createStaff, createUnit, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let adminClient: TestClient;
const ctx = () => ({ db: t.db.db, clock: t.clock, passwordHashCost: 14 });

beforeAll(async () => {
  t = await createTestApp();
  const { email } = await createStaff(t.db.db, t.clock, {
    roles: [{ office: 'kpu-kota-bandung', role: 'ADMIN' }],
  });
  adminClient = new TestClient(t.app);
  await adminClient.login(email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

describe('an office admin managing people', () => {
  it('creates an account with a role and shows a one-time password that works once changed', async () => {
    const res = await adminClient.post(
      '/staff/kpu-kota-bandung/pengguna',
      {
        email: 'Desk.Baru@Test.Terbuka.Test',
        name: 'Petugas Baru',
        role: 'PETUGAS_LAYANAN',
        validFrom: '2026-01-01',
        decreeNumber: 'SK 12/2026',
      },
      { csrfFrom: '/staff/kpu-kota-bandung/pengguna' },
    );
    expect(res.statusCode).toBe(200);
    const password = /class="credential">([^<]+)</.exec(res.body)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const user = await findUserByEmail(t.db.db, 'desk.baru@test.terbuka.test');
    expect(user?.mustChangePassword).toBe(true);
    const newcomer = new TestClient(t.app);
    await newcomer.login('desk.baru@test.terbuka.test', password!);
    expect((await newcomer.get('/staff/kpu-kota-bandung')).headers.location).toBe('/staff/akun');
  });

  it('names each bad field of the form, in Indonesian', async () => {
    const res = await adminClient.post(
      '/staff/kpu-kota-bandung/pengguna',
      { email: 'not-an-email', name: '', role: 'RAJA', validFrom: '2026-02-30', nip: '123' },
      { csrfFrom: '/staff/kpu-kota-bandung/pengguna' },
    );
    expect(res.statusCode).toBe(400);
    for (const message of [
      'Alamat email tidak valid.',
      'Wajib diisi.',
      'NIP terdiri dari 18 angka.',
      'Pilih salah satu',
    ]) {
      expect(res.body).toContain(message);
    }
  });

  it('requires a unit for a PPID Pembantu and accepts only a unit of this office', async () => {
    const foreignUnit = await createUnit(t.db.db, 'kpu-kab-bandung');
    const noUnit = await adminClient.post(
      '/staff/kpu-kota-bandung/pengguna',
      {
        email: 'pembantu1@test.terbuka.test',
        name: 'Pembantu',
        role: 'PPID_PEMBANTU',
        validFrom: '2026-01-01',
      },
      { csrfFrom: '/staff/kpu-kota-bandung/pengguna' },
    );
    expect(noUnit.body).toContain('PPID Pembantu harus dikaitkan dengan sebuah unit.');
    const foreign = await adminClient.post(
      '/staff/kpu-kota-bandung/pengguna',
      {
        email: 'pembantu1@test.terbuka.test',
        name: 'Pembantu',
        role: 'PPID_PEMBANTU',
        unitId: foreignUnit.id,
        validFrom: '2026-01-01',
      },
      { csrfFrom: '/staff/kpu-kota-bandung/pengguna' },
    );
    expect(foreign.statusCode).toBe(400);
    expect(await findUserByEmail(t.db.db, 'pembantu1@test.terbuka.test')).toBeUndefined();
  });

  it('cannot make anyone a national admin', async () => {
    const res = await adminClient.post(
      '/staff/kpu-kota-bandung/pengguna',
      { email: 'raja@test.terbuka.test', name: 'Raja', role: 'NATIONAL_ADMIN', validFrom: '2026-01-01' },
      { csrfFrom: '/staff/kpu-kota-bandung/pengguna' },
    );
    expect(res.statusCode).toBe(403);
    expect(await findUserByEmail(t.db.db, 'raja@test.terbuka.test')).toBeUndefined();
  });

  it('cannot disable a person who also serves another office', async () => {
    const shared = await createStaff(t.db.db, t.clock, {
      roles: [
        { office: 'kpu-kota-bandung', role: 'PETUGAS_LAYANAN' },
        { office: 'kpu-kab-bandung', role: 'PETUGAS_LAYANAN' },
      ],
    });
    const res = await adminClient.post(
      `/staff/kpu-kota-bandung/pengguna/${shared.user.id}/nonaktifkan`,
      {},
      { csrfFrom: '/staff/kpu-kota-bandung/pengguna' },
    );
    expect(res.statusCode).toBe(403);
    await setUserDisabled(ctx(), cliActor(), { officeId: null, userId: shared.user.id, disabled: true });
    expect(
      (await new TestClient(t.app).post('/staff/login', { email: shared.email, password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(401);
  });

  it('revokes a role, after which the office is closed to its holder', async () => {
    const { email, user } = await createStaff(t.db.db, t.clock, {
      roles: [{ office: 'kpu-kota-bandung', role: 'PPID' }],
    });
    const holder = new TestClient(t.app);
    await holder.login(email, TEST_PASSWORD);
    expect((await holder.get('/staff/kpu-kota-bandung')).statusCode).toBe(200);
    const page = await adminClient.get('/staff/kpu-kota-bandung/pengguna');
    const assignment = new RegExp(`/staff/kpu-kota-bandung/peran/([0-9a-f-]{36})/cabut`).exec(
      page.body.slice(page.body.indexOf(email)),
    )?.[1];
    expect(assignment).toBeTruthy();
    const res = await adminClient.post(
      `/staff/kpu-kota-bandung/peran/${assignment}/cabut`,
      {},
      { csrfFrom: '/staff/kpu-kota-bandung/pengguna' },
    );
    expect(res.statusCode).toBe(302);
    expect((await holder.get('/staff/kpu-kota-bandung')).statusCode).toBe(403);
    expect((await actorForUser(t.db.db, user, t.clock.now(), null)).roles).toEqual([]);
  });

  it('counts a role only within its validity dates', async () => {
    const { user } = await createStaff(t.db.db, t.clock, {
      roles: [
        { office: 'kpu-kota-bandung', role: 'PPID', validFrom: '2027-01-01' },
        { office: 'kpu-kab-bandung', role: 'PPID', validFrom: '2020-01-01', validTo: '2025-12-31' },
        { office: 'kpu-prov-jawa-barat', role: 'PPID', validFrom: '2026-01-01', validTo: '2026-12-31' },
      ],
    });
    const actor = await actorForUser(t.db.db, user, t.clock.now(), null);
    expect(actor.roles.map((r) => r.officeSlug)).toEqual(['kpu-prov-jawa-barat']);
  });

  it('adds a role to an existing account instead of creating a second one', async () => {
    const existing = await createStaff(t.db.db, t.clock, {
      roles: [{ office: 'kpu-kab-bandung', role: 'PPID' }],
    });
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const result = await createUserWithRole(ctx(), cliActor(), {
      officeId: bandung.id,
      user: { email: existing.email, name: 'ignored' },
      role: { role: 'ATASAN_PPID', validFrom: '2026-01-01' },
    });
    expect(result.password).toBeNull();
    expect(result.user.id).toBe(existing.user.id);
  });
});

describe('API tokens', () => {
  it('are stored hashed, scoped to one office and role, and stop working when revoked or expired', async () => {
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const { id, token } = await createApiToken(ctx(), cliActor(), {
      officeId: bandung.id,
      data: { name: 'SIPOL sync', role: 'PETUGAS_LAYANAN' },
    });
    const [row] = await t.db.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const actor = await actorForApiToken(ctx(), token, null);
    expect(actor?.roles).toEqual([
      expect.objectContaining({ officeId: bandung.id, role: 'PETUGAS_LAYANAN' }),
    ]);
    await revokeApiToken(ctx(), cliActor(), { officeId: bandung.id, tokenId: id });
    expect(await actorForApiToken(ctx(), token, null)).toBeUndefined();

    const expiring = await createApiToken(ctx(), cliActor(), {
      officeId: bandung.id,
      data: { name: 'short', role: 'PPID', expiresAt: '2026-11-20' },
    });
    expect(await actorForApiToken(ctx(), expiring.token, null)).toBeDefined();
    t.clock.advance(4 * 86_400_000);
    expect(await actorForApiToken(ctx(), expiring.token, null)).toBeUndefined();
    expect(await actorForApiToken(ctx(), 'tbk_forged', null)).toBeUndefined();
  });

  it('cannot carry the national admin role', async () => {
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    await expect(
      createApiToken(ctx(), cliActor(), {
        officeId: bandung.id,
        data: { name: 'x', role: 'NATIONAL_ADMIN' },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});

describe('office settings', () => {
  beforeAll(async () => {
    // the token test moved the clock past the session lifetime: sign in again
    const { email } = await createStaff(t.db.db, t.clock, {
      roles: [{ office: 'kpu-kota-bandung', role: 'ADMIN' }],
    });
    adminClient = new TestClient(t.app);
    await adminClient.login(email, TEST_PASSWORD);
  });
  const PNG_1x1 = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

  it('saves the letterhead, cut-off and register pattern, and names bad fields', async () => {
    const bad = await adminClient.post(
      '/staff/kpu-kota-bandung/pengaturan',
      {
        'letterhead.email': 'bukan email',
        cutoff: '25:00',
        'workingHours.start': '07:30',
        'workingHours.end': '16:00',
        dayCounting: 'NEXT_DAY_IS_DAY_ONE',
        registerNumberPattern: 'PPID/{year}',
      },
      { csrfFrom: '/staff/kpu-kota-bandung/pengaturan' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Alamat email tidak valid.');
    expect(bad.body).toContain('Jam harus dalam format JJ:MM');
    expect(bad.body).toContain('Pola harus memuat {seq}');
    const ok = await adminClient.post(
      '/staff/kpu-kota-bandung/pengaturan',
      {
        'letterhead.titleLines': 'KOMISI PEMILIHAN UMUM\nKOTA BANDUNG',
        'letterhead.address': 'Jalan Sanggar Kencana Utama No. 11',
        'letterhead.city': 'Bandung',
        'workingHours.start': '08:00',
        'workingHours.end': '16:00',
        cutoff: '15:30',
        dayCounting: 'NEXT_DAY_IS_DAY_ONE',
        registerNumberPattern: '{seq:04}/PPID-KOTA-BDG/{year}',
        'publicContact.email': 'ppid@bandung.test',
      },
      { csrfFrom: '/staff/kpu-kota-bandung/pengaturan' },
    );
    expect(ok.statusCode).toBe(302);
    const page = await adminClient.get('/staff/kpu-kota-bandung/pengaturan');
    expect(page.body).toContain('0007/PPID-KOTA-BDG/2026');
    // the new cut-off moves receipt: 15:45 WIB now counts on the next working day
    const due = (
      await t.app.inject(
        `/api/v1/calendar/due-date?${new URLSearchParams({ office: 'kpu-kota-bandung', receivedAt: '2026-11-18T15:45:00+07:00', workingDays: '0' })}`,
      )
    ).json();
    expect(due.receivedOn).toBe('2026-11-19');
    expect((await t.app.inject('/kpu-kota-bandung')).body).toContain('ppid@bandung.test');
  });

  it('accepts a PNG logo and refuses a file that is not an image', async () => {
    const notImage = await adminClient.postMultipart(
      '/staff/kpu-kota-bandung/pengaturan/logo',
      {},
      [
        {
          field: 'logo',
          filename: 'logo.png',
          contentType: 'image/png',
          content: 'this is text, not a picture',
        },
      ],
      { csrfFrom: '/staff/kpu-kota-bandung/pengaturan' },
    );
    expect(notImage.statusCode).toBe(415);
    expect(notImage.body).toContain('Jenis berkas tidak diterima');
    const ok = await adminClient.postMultipart(
      '/staff/kpu-kota-bandung/pengaturan/logo',
      {},
      [{ field: 'logo', filename: 'logo.png', contentType: 'image/png', content: PNG_1x1 }],
      { csrfFrom: '/staff/kpu-kota-bandung/pengaturan' },
    );
    expect(ok.statusCode).toBe(302);
    const logo = await adminClient.get('/staff/kpu-kota-bandung/pengaturan/logo');
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.rawPayload.equals(PNG_1x1)).toBe(true);
  });
});
