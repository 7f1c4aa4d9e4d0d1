import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/open-database.ts';
import { startServer } from '../helpers/server-process.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function terbuka(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/terbuka.mjs'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      PASSWORD_HASH_COST: '14',
      ...env,
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the terbuka CLI', () => {
  it('migrates a fresh embedded database', () => {
    const r = terbuka(['migrate']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Database is up to date.');
  });

  it('adds a user with a one-time password, and explains a bad email', () => {
    const ok = terbuka([
      'user',
      'add',
      '--email',
      'ppid@kpu-kota-bandung.test',
      '--name',
      'PPID Bandung',
      '--office',
      'kpu-kota-bandung',
      '--role',
      'PPID',
      '--decree',
      'SK 1/2026',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/one-time password: [A-Za-z0-9]{16}/);
    const bad = terbuka([
      'user',
      'add',
      '--email',
      'bukan-email',
      '--name',
      'X',
      '--office',
      'kpu-kota-bandung',
      '--role',
      'PPID',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('email: Not a valid email address.');
    const office = terbuka([
      'user',
      'add',
      '--email',
      'x@y.test',
      '--name',
      'X',
      '--office',
      'atlantis',
      '--role',
      'PPID',
    ]);
    expect(office.err).toContain('Office "atlantis" not found.');
  });

  it('creates a token shown once and grants and revokes roles', () => {
    const token = terbuka([
      'token',
      'create',
      '--office',
      'kpu-kota-bandung',
      '--role',
      'PETUGAS_LAYANAN',
      '--name',
      'integrasi',
    ]);
    expect(token.code).toBe(0);
    expect(token.out).toMatch(/tbk_[A-Za-z0-9_-]{40,}/);
    expect(
      terbuka(['role', 'grant', 'ppid@kpu-kota-bandung.test', 'ATASAN_PPID', '--office', 'kpu-kota-bandung'])
        .code,
    ).toBe(0);
    expect(
      terbuka(['role', 'revoke', 'ppid@kpu-kota-bandung.test', 'ATASAN_PPID', '--office', 'kpu-kota-bandung'])
        .code,
    ).toBe(0);
  });

  it('verifies the audit chains and reports tampering with exit code 2', async () => {
    const ok = terbuka(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^OK: \d+ chains, \d+ rows, no tampering found\./m);
    expect(ok.out).toMatch(/^ANCHOR \S+ /m); // the anchor to keep elsewhere (ADR 0041) comes first
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    await db.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await db.db.execute(sql`UPDATE audit_log SET actor_label = 'someone else' WHERE seq = 1`);
    await db.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    await db.close();
    const broken = terbuka(['audit', 'verify']);
    expect(broken.code).toBe(2);
    expect(broken.out).toContain('hash-mismatch');
  });

  it('refuses to open the embedded database while the server uses it', async () => {
    const server = await startServer({ SEED_DEMO: 'false' }, { dataDir });
    try {
      const r = terbuka(['audit', 'verify']);
      expect(r.code).toBe(1);
      expect(r.err).toContain('is in use by process');
    } finally {
      await server.stop();
    }
  });
});

describe('starting with bad configuration', () => {
  function start(env: Record<string, string>) {
    return spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
  }

  it('stops with a message naming each bad variable', () => {
    const r = start({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('LOG_LEVEL');
    expect(r.stderr).not.toMatch(/at .*\(.*\.ts:\d+/);
  });

  it('refuses to run in production without keys', () => {
    const r = start({ NODE_ENV: 'production', SECRET_KEY: '', DATA_ENCRYPTION_KEY: '' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SECRET_KEY is required in production');
    expect(r.stderr).toContain('DATA_ENCRYPTION_KEY is required in production');
  });
});
