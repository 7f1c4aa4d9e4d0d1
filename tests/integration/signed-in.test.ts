import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { cachedRead } from '../../src/platform/cache/generation.ts';
import { resolveSignedIn } from '../../src/modules/access/signed-in.ts';
import { actorForUser } from '../../src/modules/people/load-actor.ts';
import { findUserById } from '../../src/modules/people/queries.ts';
import { roleAssignments, sessions, users } from '../../src/modules/people/schema.ts';
import { createSession } from '../../src/modules/people/sessions.ts';
import { offices } from '../../src/modules/offices/schema.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { createStaff } from '../helpers/factories.ts';

// Staff pages read the session, its user and today's roles in one query (ADR 0104): the actor
// must be the very one `actorForUser` builds from separate reads, and the session policy holds.

let t: TestApp;
const policy = { idleMinutes: 30, maxHours: 12 };

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('signed-in lookup in one query', () => {
  it('gives the roles actorForUser gives: in force today, not revoked, active offices, by office code', async () => {
    const db = t.db.db;
    const now = t.clock.now();
    const { user } = await createStaff(db, t.clock, {
      roles: [
        { office: 'kpu-kota-cimahi', role: 'PETUGAS_LAYANAN' },
        { office: 'kpu-kota-bandung', role: 'PPID' },
        { office: 'kpu-prov-jawa-barat', role: 'ATASAN_PPID' },
        { office: 'kpu-kota-bandung', role: 'ATASAN_PPID', validFrom: '2099-01-01' },
        { office: 'kpu-kota-bandung', role: 'PETUGAS_LAYANAN', validTo: '2021-01-01' },
        { office: 'kpu-kab-bandung', role: 'PPID' },
      ],
    });
    // One revoked, one in an office that was deactivated.
    const [cimahi] = await db.select().from(offices).where(eq(offices.slug, 'kpu-kota-cimahi'));
    await db
      .update(roleAssignments)
      .set({ revokedAt: now, revokedBy: 'test' })
      .where(eq(roleAssignments.officeId, cimahi!.id));
    await db.update(offices).set({ active: false }).where(eq(offices.slug, 'kpu-kab-bandung'));

    const { token } = await createSession(db, user.id, now, policy);
    const found = await resolveSignedIn(db, token, now, policy, 'req-1');
    const expected = await actorForUser(db, (await findUserById(db, user.id))!, now, 'req-1');
    expect(found?.user).toEqual(await findUserById(db, user.id));
    expect(found?.actor).toEqual(expected);
    expect(found?.actor.roles.map((r) => r.role)).toEqual(['ATASAN_PPID', 'PPID']);
    await db.update(offices).set({ active: true }).where(eq(offices.slug, 'kpu-kab-bandung'));
  });

  it('keeps the session policy: unknown, malformed, idle, expired and disabled give no one', async () => {
    const db = t.db.db;
    const now = t.clock.now();
    const { user } = await createStaff(db, t.clock, {
      roles: [{ office: 'kpu-kota-bandung', role: 'PPID' }],
    });
    const { token, session } = await createSession(db, user.id, now, policy);
    expect(await resolveSignedIn(db, 'short', now, policy, null)).toBeUndefined();
    expect(await resolveSignedIn(db, `${token.slice(0, -2)}xx`, now, policy, null)).toBeUndefined();
    // Activity is recorded at most once a minute.
    const later = new Date(now.getTime() + 5 * 60_000);
    expect((await resolveSignedIn(db, token, later, policy, null))?.user.id).toBe(user.id);
    const [touched] = await db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(touched!.lastSeenAt).toEqual(later);
    // A disabled account is no one, and its session stays (as before).
    await db.update(users).set({ disabledAt: later }).where(eq(users.id, user.id));
    expect(await resolveSignedIn(db, token, later, policy, null)).toBeUndefined();
    await db.update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    // Idle past the limit: no one, and the session is gone.
    const idle = new Date(later.getTime() + 31 * 60_000);
    expect(await resolveSignedIn(db, token, idle, policy, null)).toBeUndefined();
    expect(await db.select().from(sessions).where(eq(sessions.id, session.id))).toEqual([]);
  });
});

describe('cachedRead', () => {
  it('caches outside a transaction until the generation moves, and reads live inside one', async () => {
    const db = t.db.db;
    let loads = 0;
    const load = async () => ++loads;
    const key = `test:${Math.random()}`;
    const first = await cachedRead(db, key, load);
    expect(await cachedRead(db, key, load)).toBe(first);
    // A write to a table under the generation (offices) drops the cached value.
    await db.execute(sql`update offices set updated_at = updated_at where slug = 'kpu-kota-bandung'`);
    expect(await cachedRead(db, key, load)).toBe(first + 1);
    await db.transaction(async (tx) => {
      expect(await cachedRead(tx, key, load)).toBe(first + 2);
      expect(await cachedRead(tx, key, load)).toBe(first + 3);
    });
  });
});
