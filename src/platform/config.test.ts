import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const keys = { SECRET_KEY: 'x'.repeat(40), DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('configuration', () => {
  it('has working defaults: embedded database in ./data, port 3000', () => {
    const c = loadConfig(keys);
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'pglite', dataDir: './data/pglite' });
    expect(c.seedDemo).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    const c = loadConfig({ ...keys, DATABASE_URL: 'postgres://u:p@db/terbuka' });
    expect(c.database).toMatchObject({ kind: 'postgres', url: 'postgres://u:p@db/terbuka' });
    expect(c.seedDemo).toBe(false);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({
      ...keys,
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      RUN_WORKER: 'maybe',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'RUN_WORKER']),
    );
    expect(problems).toHaveLength(4);
  });

  it('requires both keys in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('SECRET_KEY'),
        expect.stringContaining('DATA_ENCRYPTION_KEY'),
      ]),
    );
  });

  it('rejects a short secret and a key of the wrong length', () => {
    const problems = problemsOf({ SECRET_KEY: 'short', DATA_ENCRYPTION_KEY: 'abcd' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DATA_ENCRYPTION_KEY', 'SECRET_KEY']);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ...keys, PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts nobody by default', () => {
    expect(loadConfig(keys).trustProxy).toBe(false);
    expect(loadConfig({ ...keys, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });
  it('takes a hop count or a list of addresses and CIDR ranges', () => {
    expect(loadConfig({ ...keys, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...keys, TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
  });
  it.each(['true', 'yes', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', ','])('refuses %s', (value) => {
    expect(problemsOf({ ...keys, TRUST_PROXY: value })[0]).toMatch(/^TRUST_PROXY /);
  });
});
