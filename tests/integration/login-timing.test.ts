import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../src/modules/people/login.ts';
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

async function median(fn: () => Promise<unknown>, n = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn().catch(() => undefined);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
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
    const known = await median(() => login(ctx, policy, { email, password: 'wrong-password' }), 3);
    const unknown = await median(
      () => login(ctx, policy, { email: 'nobody@nowhere.test', password: 'wrong-password' }),
      3,
    );
    const ratio = unknown / known;
    console.log(
      `sign-in timing: known ${known.toFixed(0)} ms, unknown ${unknown.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.4);
  });
});
