import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Defect 3: X-Forwarded-For is believed only from the configured proxies (default: nobody).
const opened: TestApp[] = [];
let db: TestDatabase | undefined;
afterAll(async () => {
  for (const a of opened) await a.close();
  await db?.close();
});

async function appWith(env: Record<string, string>): Promise<TestApp> {
  db ??= await createTestDatabase();
  const a = await createTestApp({ env: { LOGIN_ATTEMPTS_PER_IP: '2', ...env }, db });
  opened.push(a);
  return a;
}

async function attempts(a: TestApp, from: string, forwarded: string[]): Promise<number[]> {
  const codes: number[] = [];
  for (const xff of forwarded) {
    const res = await a.app.inject({
      method: 'POST',
      url: '/staff/login',
      remoteAddress: from,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': xff },
      payload: 'email=a%40b.test&password=x',
    });
    codes.push(res.statusCode);
  }
  return codes;
}

describe('trusted proxies', () => {
  it('by default a spoofed X-Forwarded-For does not get past the per-IP sign-in limit', async () => {
    const a = await appWith({});
    const codes = await attempts(a, '203.0.113.7', ['198.51.100.1', '198.51.100.2', '198.51.100.3']);
    expect(codes[2]).toBe(429);
  });

  it('a client outside the trusted list cannot spoof its address either', async () => {
    const a = await appWith({ TRUST_PROXY: '10.0.0.0/8' });
    const codes = await attempts(a, '203.0.113.8', ['198.51.100.1', '198.51.100.2', '198.51.100.3']);
    expect(codes[2]).toBe(429);
  });

  it('behind a listed proxy each real client has its own limit, and the proxy cannot be bypassed', async () => {
    const a = await appWith({ TRUST_PROXY: '10.0.0.0/8' });
    const distinct = await attempts(a, '10.1.2.3', ['198.51.100.1', '198.51.100.2', '198.51.100.3']);
    expect(distinct).not.toContain(429);
    // A client that prepends its own header value is still counted by the address the proxy saw.
    const spoofing = await attempts(a, '10.1.2.3', [
      '1.1.1.1, 198.51.100.9',
      '2.2.2.2, 198.51.100.9',
      '3.3.3.3, 198.51.100.9',
    ]);
    expect(spoofing[2]).toBe(429);
  });

  it('a hop count trusts only that many proxies', async () => {
    const a = await appWith({ TRUST_PROXY: '1' });
    const spoofing = await attempts(a, '10.1.2.3', [
      '1.1.1.1, 198.51.100.20',
      '2.2.2.2, 198.51.100.20',
      '3.3.3.3, 198.51.100.20',
    ]);
    expect(spoofing[2]).toBe(429);
  });
});
