import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { queryRows, type Db } from '../../src/platform/db/database.ts';
import { openDatabase } from '../../src/platform/db/open-database.ts';
import { saveFile } from '../../src/platform/storage/file-store.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { findOfficeBySlug } from '../../src/modules/offices/queries.ts';
import { pngImage } from '../helpers/requests-fixtures.ts';
import { testDatabaseAdminUrl, testDatabaseKind, withDatabase } from '../helpers/test-env.ts';

// `terbuka backup` → wipe → `terbuka restore`, run as the operator runs them (the CLI in its
// own process), on the database this suite runs on. Every table and every stored file must
// come back byte for byte.

const root = path.resolve(import.meta.dirname, '../..');
const kind = testDatabaseKind();
const keys = {
  SECRET_KEY: randomBytes(32).toString('hex'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};
let work: string;
let env: Record<string, string>;
let dbName: string | undefined;

function cli(args: string[], extraEnv: Record<string, string> = env) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/terbuka.mjs'), ...args], {
    cwd: work,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', ...extraEnv },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: testDatabaseAdminUrl() });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

/** Every public table as (rows, md5 of its rows as text in a stable order). */
async function tableDigests(db: Db): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number; h: string }>(
      db,
      sql.raw(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS h FROM "${name}" t`,
      ),
    );
    out[name] = `${row!.n} ${row!.h}`;
  }
  return out;
}

function fileBytes(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) visit(full);
      else out.set(path.relative(dir, full), readFileSync(full));
    }
  };
  visit(dir);
  return out;
}

async function openTarget(): Promise<{ db: Db; close(): Promise<void> }> {
  return kind === 'postgres'
    ? openDatabase({ kind: 'postgres', url: env.DATABASE_URL! })
    : openDatabase({ kind: 'pglite', dataDir: path.join(env.DATA_DIR!, 'pglite') });
}

async function wipe(): Promise<void> {
  rmSync(path.join(env.DATA_DIR!, 'files'), { recursive: true, force: true });
  if (kind === 'postgres') {
    await admin(`DROP DATABASE ${dbName} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${dbName}`);
  } else {
    rmSync(path.join(env.DATA_DIR!, 'pglite'), { recursive: true, force: true });
  }
}

let before: Record<string, string>;
let beforeFiles: Map<string, Buffer>;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'terbuka-backup-'));
  env = { ...keys, DATA_DIR: path.join(work, 'data'), PASSWORD_HASH_COST: '14' };
  if (kind === 'postgres') {
    dbName = `b_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin(`CREATE DATABASE ${dbName}`);
    env.DATABASE_URL = withDatabase(testDatabaseAdminUrl(), dbName);
  }
  // A deployment with data: the demo (requests, objections, DIP, staff) and stored files,
  // encrypted (an identity scan) and plain (a document with every byte value).
  const config = loadConfig({ NODE_ENV: 'development', ...env });
  const s = await openServices(config);
  try {
    const ctx = {
      db: s.database.db,
      clock: s.clock,
      passwordHashCost: 14,
      files: s.files,
      dataKeys: config.dataKeys,
      publicUrl: config.publicUrl,
      uploadMaxBytes: config.uploadMaxBytes,
    };
    await seedDemo(ctx);
    const office = (await findOfficeBySlug(s.database.db, 'kpu-kota-bandung'))!;
    const png = pngImage(40);
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256));
    await s.database.db.transaction(async (tx) => {
      await saveFile(tx, s.files, {
        officeId: office.id,
        bytes: png,
        originalName: 'ktp.png',
        purpose: 'identity',
        maxBytes: 1e6,
        encrypt: true,
        field: 'f',
        now: new Date(),
      });
      await saveFile(tx, s.files, {
        officeId: office.id,
        bytes: Buffer.from(`col\n${'é'.repeat(100)}\n`),
        originalName: 'a.csv',
        purpose: 'document',
        maxBytes: 1e6,
        encrypt: false,
        field: 'f',
        now: new Date(),
      });
      await saveFile(tx, s.files, {
        officeId: office.id,
        bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), binary]),
        originalName: 'b.pdf',
        purpose: 'document',
        maxBytes: 1e6,
        encrypt: false,
        field: 'f',
        now: new Date(),
      });
    });
    before = await tableDigests(s.database.db);
  } finally {
    await s.close();
  }
  beforeFiles = fileBytes(path.join(env.DATA_DIR!, 'files'));
}, 240_000);

afterAll(async () => {
  if (dbName) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
});

describe(`backup and restore on ${kind}`, () => {
  it('round-trips every table and every file byte for byte, and reminds of the keys', async () => {
    expect(Object.values(before).filter((d) => !d.startsWith('0 ')).length).toBeGreaterThan(15);
    expect(beforeFiles.size).toBeGreaterThanOrEqual(3);

    const out = path.join(work, 'backup-1');
    const backup = cli(['backup', '--out', out]);
    expect(backup.out).toContain('Backup written to');
    expect(backup.status).toBe(0);
    expect(backup.out).toContain('REMINDER: the keys are NOT in this backup');
    expect(backup.out).toContain('DATA_ENCRYPTION_KEY');
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      files: unknown[];
      missingFiles: number;
    };
    expect(manifest.files).toHaveLength(beforeFiles.size);
    expect(manifest.missingFiles).toBe(0);
    // the keys are not in the backup
    const everything = [...fileBytes(out).values()].map((b) => b.toString('latin1')).join('');
    expect(everything).not.toContain(keys.DATA_ENCRYPTION_KEY);
    expect(everything).not.toContain(keys.SECRET_KEY);
    expect(statSync(out).mode & 0o077).toBe(0);

    await wipe();
    const restore = cli(['restore', out]);
    expect(restore.out).toContain('Restored');
    expect(restore.status).toBe(0);

    const target = await openTarget();
    try {
      expect(await tableDigests(target.db)).toEqual(before);
    } finally {
      await target.close();
    }
    const after = fileBytes(path.join(env.DATA_DIR!, 'files'));
    expect([...after.keys()].sort()).toEqual([...beforeFiles.keys()].sort());
    for (const [k, v] of beforeFiles) expect(after.get(k)!.equals(v), k).toBe(true);
  }, 600_000);

  it('refuses to restore into a database that has data, or with another key, or from a damaged backup — writing nothing', async () => {
    const out = path.join(work, 'backup-2');
    cpSync(path.join(work, 'backup-1'), out, { recursive: true });

    const notEmpty = cli(['restore', out]);
    expect(notEmpty.status).toBe(1);
    expect(notEmpty.out).toMatch(/is not empty/);

    await wipe();
    const otherKey = cli(['restore', out], {
      ...env,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    expect(otherKey.status).toBe(1);
    expect(otherKey.out).toContain('not the key this backup was made with');

    const victim = path.join(out, 'db', 'requests.jsonl');
    const intact = readFileSync(victim, 'utf8');
    const tampered = intact.replace(
      /"status":"([A-Z_]+)"/,
      (_, s: string) => `"status":"${s === 'CLOSED' ? 'WITHDRAWN' : 'CLOSED'}"`,
    );
    expect(tampered).not.toBe(intact);
    writeFileSync(victim, tampered);
    const damaged = cli(['restore', out]);
    expect(damaged.status).toBe(1);
    expect(damaged.out).toContain('db/requests.jsonl: checksum does not match');
    const target = await openTarget();
    try {
      const [row] = await queryRows<{ n: number }>(target.db, sql`SELECT count(*)::int AS n FROM offices`);
      expect(row!.n).toBe(0);
    } finally {
      await target.close();
    }
  }, 600_000);

  it.runIf(kind === 'pglite')(
    'refuses a backup of the embedded database while the service holds it, naming the fix',
    async () => {
      // a process that holds the data directory's lock, as the running service does
      const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      try {
        writeFileSync(path.join(env.DATA_DIR!, 'pglite.lock'), String(holder.pid));
        const r = cli(['backup', '--out', path.join(work, 'backup-3')]);
        expect(r.status).toBe(1);
        expect(r.out).toContain(`in use by process ${holder.pid}`);
        expect(r.out).toContain('service stopped');
      } finally {
        holder.kill('SIGKILL');
        rmSync(path.join(env.DATA_DIR!, 'pglite.lock'), { force: true });
      }
    },
  );
});
