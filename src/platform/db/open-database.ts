import { mkdirSync, openSync, closeSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { DatabaseHandle, Db } from './database.ts';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolMax?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; loadDataDir?: Blob | File };

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite is one process's database: a second process opening the same directory corrupts
 * it. A lock file holding the owner's pid refuses the second opener with a clear message.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (owner && owner !== process.pid && isProcessAlive(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${owner}. ` +
            'Stop that process first (the embedded database serves one process), or set DATABASE_URL to use a PostgreSQL server.',
          { cause: e },
        );
      }
      unlinkSync(lockPath); // stale lock from a process that died
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/**
 * PGlite's start parameters: its defaults with a 32 MB buffer pool instead of initdb's 128 MB.
 * PGlite's WASM memory holds the whole pool, and opening a database touched enough of it to
 * cost ~100 MB of resident memory (237 → 135 MB at open, ADR 0111); the data files stay in
 * the operating system's page cache below it, so a smaller pool costs a copy, not a disk read.
 */
function pgliteStartParams(defaults: readonly string[]): string[] {
  return [...defaults, '-c', 'shared_buffers=32MB'];
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  // Each driver is imported only when used: a PostgreSQL deployment does not load PGlite's
  // WASM, an embedded one does not load `pg` (ADR 0111).
  if (target.kind === 'postgres') {
    const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
    ]);
    // Timestamps come back as JS Dates and dates as 'YYYY-MM-DD' strings on both drivers.
    pg.types.setTypeParser(1082, (v: string) => v);
    // No JIT (ADR 0110): a query whose plan costs more than jit_above_cost is compiled first,
    // 10–80 ms, though it may stop after a few thousand rows (the public search plans its
    // matches for every row and reads only the first ones). Web queries are short; JIT pays
    // only for long analytic scans, which this application does not make. No synchronised
    // sequential scans: the national search reads the first entries of the table, and a scan
    // joining another one midway would answer the same query with other entries.
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolMax ?? 10,
      options: '-c jit=off -c synchronize_seqscans=off',
    });
    pool.on('error', () => {
      /* a broken idle client is dropped by the pool; the next query reports the problem */
    });
    const db = drizzlePg(pool) as unknown as Db;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
  ]);
  let unlock = () => {};
  let client: PGlite;
  if (target.kind === 'pglite') {
    unlock = lockDataDir(target.dataDir);
    try {
      client = await PGlite.create({
        dataDir: target.dataDir,
        extensions: { pg_trgm },
        startParams: pgliteStartParams(PGlite.defaultStartParams),
      });
    } catch (e) {
      unlock();
      throw e;
    }
  } else {
    client = await PGlite.create({
      extensions: { pg_trgm },
      startParams: pgliteStartParams(PGlite.defaultStartParams),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    });
  }
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await client.close();
      unlock();
    },
    // exposed for tests that snapshot a migrated database
    ...({ pglite: client } as object),
  };
}

export function pgliteOf(handle: DatabaseHandle): PGlite | undefined {
  return (handle as unknown as { pglite?: PGlite }).pglite;
}
