import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../src/modules/people/login.ts';
import { createStaff, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Issue 12, defect 9: the five-failure lockout let anyone lock anyone out. Now a throttle per
// account and per address with back-off; the owner at a clean address gets through.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const roles = [{ office: 'kpu-kota-bandung', role: 'PPID' as const }];
const attempt = (email: string, password: string, ip: string) =>
  login(
    { db: t.db.db, clock: t.clock },
    { ...t.config.session, passwordHashCost: t.config.passwordHashCost },
    { email, password, ip },
  ).then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? 'error',
  );

describe('sign-in throttle', () => {
  it("does not lock the owner out: an attacker's failures throttle the attacker, the right password from a clean address gets in", async () => {
    const { email } = await createStaff(t.db.db, t.clock, { roles });
    const attacker = '203.0.113.7';
    const results: string[] = [];
    for (let i = 0; i < 8; i++) {
      results.push(await attempt(email, `guess-${i}`, attacker));
      t.clock.advance(1);
    }
    expect(results.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(results.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    // The attacker's address is throttled even with the right password…
    expect(await attempt(email, TEST_PASSWORD, attacker)).toBe('RATE_LIMITED');
    // …the owner, from an address that has not failed, signs in although the account is in back-off.
    expect(await attempt(email, TEST_PASSWORD, '198.51.100.20')).toBe('ok');
  });

  it('doubles the back-off with every failure after the free ones', async () => {
    const { email } = await createStaff(t.db.db, t.clock, { roles });
    const ip = '203.0.113.50';
    for (let i = 0; i < 5; i++) await attempt(email, 'wrong', ip);
    // 5 failures: 1 s back-off.
    expect(await attempt(email, 'wrong', ip)).toBe('RATE_LIMITED');
    t.clock.advance(1_100);
    expect(await attempt(email, 'wrong', ip)).toBe('UNAUTHENTICATED'); // 6th failure: 2 s
    t.clock.advance(1_100);
    expect(await attempt(email, 'wrong', ip)).toBe('RATE_LIMITED');
    t.clock.advance(1_000);
    expect(await attempt(email, TEST_PASSWORD, ip)).toBe('ok');
  });

  it('throttles one address trying many accounts (per-address limit), and a whole IPv6 /64 together', async () => {
    const ip = '2001:db8:1:2::17';
    const results: string[] = [];
    for (let i = 0; i < 21; i++)
      results.push(await attempt(`nobody${i}@nowhere.test`, 'x', i % 2 ? ip : '2001:db8:1:2:ffff::99'));
    expect(results.slice(0, 20)).toEqual(Array(20).fill('UNAUTHENTICATED'));
    expect(results[20]).toBe('RATE_LIMITED');
    const { email } = await createStaff(t.db.db, t.clock, { roles });
    expect(await attempt(email, TEST_PASSWORD, '2001:db8:1:2:abcd::1')).toBe('RATE_LIMITED');
    expect(await attempt(email, TEST_PASSWORD, '2001:db8:1:3::1')).toBe('ok');
  });

  it('answers an unknown email exactly as a known one', async () => {
    const { email } = await createStaff(t.db.db, t.clock, { roles });
    const run = async (who: string, ip: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) out.push(await attempt(who, 'wrong', ip));
      return out;
    };
    expect(await run(email, '192.0.2.1')).toEqual(await run('unknown.person@nowhere.test', '192.0.2.2'));
  });
});
