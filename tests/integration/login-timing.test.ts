import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../src/modules/people/login.ts';
import { FREE_FAILURES } from '../../src/modules/people/login-throttle.ts';
import { createStaff, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { hashPassword } from '../../src/platform/crypto.ts';
import { users } from '../../src/modules/people/schema.ts';
import { eq } from 'drizzle-orm';

// Defect 9 (timing): an unknown email costs as long as a known one with a wrong password.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PASSWORD_HASH_COST: '15' } });
});
afterAll(async () => {
  await t.close();
});

const medianOf = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn().catch(() => undefined);
  return performance.now() - start;
}

/**
 * Times the two sign-ins in turn, round after round, so that a change in the machine's load
 * (CI shares two cores with other work) falls on both alike; compares the medians.
 */
async function interleavedMedians(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  rounds: number,
): Promise<[number, number]> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < rounds; i++) {
    ta.push(await timed(a));
    tb.push(await timed(b));
  }
  return [medianOf(ta), medianOf(tb)];
}

describe('sign-in timing', () => {
  it('is the same for an unknown email and a known one', async () => {
    const { email, user } = await createStaff(t.db.db, t.clock, {
      roles: [{ office: 'kpu-kota-bandung', role: 'PPID' }],
    });
    await t.db.db
      .update(users)
      .set({ passwordHash: await hashPassword(TEST_PASSWORD, 15) })
      .where(eq(users.id, user.id));
    const policy = { ...t.config.session, passwordHashCost: 15 };
    const ctx = { db: t.db.db, clock: t.clock };
    await login(ctx, policy, { email: 'warmup@nowhere.test', password: 'x' }).catch(() => undefined);
    const [known, unknown] = await interleavedMedians(
      () => login(ctx, policy, { email, password: 'wrong-password' }),
      () => login(ctx, policy, { email: 'nobody@nowhere.test', password: 'wrong-password' }),
      // Five rounds: a sixth failure would put the account in back-off (FREE_FAILURES).
      FREE_FAILURES,
    );
    const ratio = unknown / known;
    console.log(
      `sign-in timing: known ${known.toFixed(0)} ms, unknown ${unknown.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.4);
  });
});
