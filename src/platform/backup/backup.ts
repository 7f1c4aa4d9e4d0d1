import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/database.ts';
import { readJournal } from '../db/migrate.ts';

// `terbuka backup` / `terbuka restore` (ADR 0043): a logical dump of every table through the
// application's own connection, in one read-only snapshot, plus a checksummed copy of the
// uploaded files. The same format for PGlite and PostgreSQL; restored into an empty database
// migrated by the same release. The keys are never part of a backup.

export const BACKUP_FORMAT = 'terbuka-backup';
export const BACKUP_VERSION = 1;
const PAGE_ROWS = 2000;
const INSERT_ROWS = 1000;

export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  database: {
    kind: 'pglite' | 'postgres';
    /** Migration tags of the release that wrote the backup; restore needs the same list. */
    migrations: string[];
    tables: (ManifestEntry & { table: string; rows: number; columns: string[] })[];
    sequences: { name: string; lastValue: string | null }[];
  };
  files: ManifestEntry[];
  /** Files rows whose stored bytes were missing when the backup ran (should be 0). */
  missingFiles: number;
  /** sha256 over a label and the data-encryption key: tells restore whether the key matches, reveals nothing. */
  dataKeyFingerprint: string;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update('terbuka-data-key-fingerprint\0').update(key).digest('hex').slice(0, 32);
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

interface TableInfo {
  name: string;
  columns: string[];
  selfReferencing: boolean;
}

/** Tables of the public schema in an order that satisfies their foreign keys. */
async function listTables(db: Db): Promise<TableInfo[]> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  const columns = await queryRows<{ table: string; column: string }>(
    db,
    sql`SELECT c.relname AS "table", a.attname AS "column" FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attgenerated = ''
        ORDER BY c.relname, a.attnum`,
  );
  const fks = await queryRows<{ child: string; parent: string }>(
    db,
    sql`SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
        JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
        JOIN pg_namespace n ON n.oid = ch.relnamespace
        WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set()]));
  const self = new Set<string>();
  for (const fk of fks) {
    if (fk.child === fk.parent) self.add(fk.child);
    else parents.get(fk.child)?.add(fk.parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables
      .map((t) => t.name)
      .filter((n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p)));
    if (ready.length === 0)
      throw new BackupError('Foreign keys between tables form a cycle; cannot order the restore.');
    for (const n of ready) {
      ordered.push(n);
      placed.add(n);
    }
  }
  return ordered.map((name) => ({
    name,
    columns: columns.filter((c) => c.table === name).map((c) => c.column),
    selfReferencing: self.has(name),
  }));
}

async function listSequences(db: Db): Promise<{ name: string; lastValue: string | null }[]> {
  const rows = await queryRows<{ name: string; last: string | null }>(
    db,
    sql`SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  return rows.map((r) => ({ name: r.name, lastValue: r.last }));
}

async function appliedMigrationCount(db: Db): Promise<number> {
  try {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
    );
    return row?.n ?? 0;
  } catch {
    return 0;
  }
}

async function* walk(dir: string, base = dir): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full, base);
    else if (e.isFile()) yield path.relative(base, full).split(path.sep).join('/');
  }
}

/** Copies a file while hashing what was read; returns its size and sha256. */
async function copyHashed(from: string, to: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
  await pipeline(
    createReadStream(from),
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    }),
    createWriteStream(to, { mode: 0o600, flags: 'wx' }),
  );
  return { bytes, sha256: hash.digest('hex') };
}

async function hashFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export interface BackupInput {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** DATA_DIR/files */
  filesDir: string;
  /** The backup directory to create (must not exist). */
  out: string;
  dataKey: Buffer;
  now: Date;
}

/**
 * Writes a backup directory: manifest.json, db/<table>.jsonl (one JSON object per row, in a
 * single REPEATABLE READ snapshot) and files/ (the uploaded files as stored, encrypted ones
 * still encrypted). The database is read first and the files after: files are written before
 * the row that records them and never changed, so every row in the snapshot finds its file.
 */
export async function writeBackup(input: BackupInput): Promise<BackupManifest> {
  if (existsSync(input.out))
    throw new BackupError(`${input.out} already exists; choose a new backup directory.`);
  const journal = readJournal().map((e) => e.tag);
  const applied = await appliedMigrationCount(input.db);
  if (applied !== journal.length) {
    throw new BackupError(
      `The database has ${applied} of this release's ${journal.length} migrations applied; run \`terbuka migrate\` first.`,
    );
  }
  const partial = `${input.out}.partial-${randomUUID().slice(0, 8)}`;
  await mkdir(path.join(partial, 'db'), { recursive: true, mode: 0o700 });
  try {
    const { tables, sequences, storageKeys } = await input.db.transaction(
      async (tx) => {
        const list = await listTables(tx);
        const out: BackupManifest['database']['tables'] = [];
        for (const t of list) {
          const rel = `db/${t.name}.jsonl`;
          const file = path.join(partial, rel);
          const hash = createHash('sha256');
          let bytes = 0;
          let rows = 0;
          let after = '(0,0)';
          const cols = t.columns.map((c) => `t.${ident(c)}`).join(', ');
          for (;;) {
            const page = await queryRows<{ c: string; j: string }>(
              tx,
              sql`SELECT t.ctid::text AS c, (SELECT row_to_json(x) FROM (SELECT ${sql.raw(cols)}) x)::text AS j
                  FROM ${sql.raw(ident(t.name))} t WHERE t.ctid > ${after}::tid ORDER BY t.ctid LIMIT ${PAGE_ROWS}`,
            );
            if (page.length === 0) break;
            const chunk = Buffer.from(page.map((r) => `${r.j}\n`).join(''));
            hash.update(chunk);
            bytes += chunk.length;
            rows += page.length;
            await writeFile(file, chunk, { flag: 'a', mode: 0o600 });
            after = page[page.length - 1]!.c;
          }
          if (rows === 0) await writeFile(file, '', { mode: 0o600 });
          out.push({ table: t.name, columns: t.columns, rows, path: rel, bytes, sha256: hash.digest('hex') });
        }
        const keys = list.some((t) => t.name === 'files')
          ? (await queryRows<{ k: string }>(tx, sql`SELECT storage_key AS k FROM files`)).map((r) =>
              r.k.split(path.sep).join('/'),
            )
          : [];
        return { tables: out, sequences: await listSequences(tx), storageKeys: keys };
      },
      input.kind === 'postgres' ? { isolationLevel: 'repeatable read', accessMode: 'read only' } : undefined,
    );

    const files: ManifestEntry[] = [];
    for await (const rel of walk(input.filesDir)) {
      if (rel.endsWith('.tmp')) continue; // a write in progress, not yet recorded by any row
      const copied = await copyHashed(path.join(input.filesDir, rel), path.join(partial, 'files', rel));
      files.push({ path: `files/${rel}`, ...copied });
    }
    const have = new Set(files.map((f) => f.path.slice('files/'.length)));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: input.now.toISOString(),
      database: { kind: input.kind, migrations: journal, tables, sequences },
      files,
      missingFiles: storageKeys.filter((k) => !have.has(k)).length,
      dataKeyFingerprint: keyFingerprint(input.dataKey),
    };
    await writeFile(path.join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    });
    await rename(partial, input.out);
    return manifest;
  } catch (e) {
    await rm(partial, { recursive: true, force: true });
    throw e;
  }
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  } catch (e) {
    throw new BackupError(
      `${dir} holds no readable manifest.json: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== BACKUP_VERSION) {
    throw new BackupError(`${dir} is not a Terbuka backup of format version ${BACKUP_VERSION}.`);
  }
  return manifest;
}

/** Checks every file the manifest lists against its size and checksum; returns the problems. */
export async function verifyBackup(dir: string, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  const entries: ManifestEntry[] = [...manifest.database.tables, ...manifest.files];
  for (const entry of entries) {
    if (entry.path.split('/').includes('..') || path.isAbsolute(entry.path)) {
      problems.push(`${entry.path}: path leaves the backup`);
      continue;
    }
    try {
      const got = await hashFile(path.join(dir, entry.path));
      if (got.bytes !== entry.bytes || got.sha256 !== entry.sha256)
        problems.push(`${entry.path}: checksum does not match`);
    } catch {
      problems.push(`${entry.path}: missing`);
    }
  }
  return problems;
}

export interface RestoreInput {
  db: Db;
  filesDir: string;
  from: string;
  dataKey: Buffer;
}

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
}

/**
 * Restores a backup into an empty database already migrated by this release and an empty
 * files directory. Everything is checked before anything is written; the rows go in one
 * transaction; the files are copied aside first and moved into place after the commit.
 */
export async function restoreBackup(input: RestoreInput): Promise<BackupManifest> {
  const manifest = await readManifest(input.from);
  const problems = await verifyBackup(input.from, manifest);
  if (problems.length > 0)
    throw new BackupError(`The backup is damaged; nothing was restored:\n  ${problems.join('\n  ')}`);
  if (manifest.dataKeyFingerprint !== keyFingerprint(input.dataKey)) {
    throw new BackupError(
      'The configured DATA_ENCRYPTION_KEY is not the key this backup was made with; NIKs and identity scans would be unreadable. ' +
        'Set the original key (or put the original DATA_DIR/secrets.json back) and run restore again.',
    );
  }
  const journal = readJournal().map((e) => e.tag);
  if (JSON.stringify(journal) !== JSON.stringify(manifest.database.migrations)) {
    throw new BackupError(
      `The backup was made by a release with migrations up to ${manifest.database.migrations.at(-1) ?? '(none)'}; this release has ` +
        `${journal.at(-1) ?? '(none)'}. Restore with the release that made the backup, then upgrade (README: Backup, restore and upgrade).`,
    );
  }
  if (!(await isEmptyDir(input.filesDir)))
    throw new BackupError(`${input.filesDir} is not empty; restore needs an empty files directory.`);

  const staging = `${input.filesDir}.restoring-${randomUUID().slice(0, 8)}`;
  try {
    for (const f of manifest.files) {
      const copied = await copyHashed(
        path.join(input.from, f.path),
        path.join(staging, f.path.slice('files/'.length)),
      );
      if (copied.sha256 !== f.sha256) throw new BackupError(`${f.path} changed while it was being restored.`);
    }
    await input.db.transaction(async (tx) => {
      const tables = await listTables(tx);
      const known = new Map(tables.map((t) => [t.name, t]));
      for (const t of tables) {
        const [row] = await queryRows<{ any: boolean }>(
          tx,
          sql`SELECT EXISTS (SELECT 1 FROM ${sql.raw(ident(t.name))}) AS any`,
        );
        if (row?.any)
          throw new BackupError(`Table ${t.name} is not empty; restore needs a new, empty database.`);
      }
      // The rows go back exactly as they were: the tables' own triggers (statistics markers,
      // search words, audit guards) would add or change rows while they are written. Foreign
      // keys are not user triggers and are still checked. ALTER TABLE is transactional.
      for (const t of tables)
        await tx.execute(sql`ALTER TABLE ${sql.raw(ident(t.name))} DISABLE TRIGGER USER`);
      const byName = new Map(manifest.database.tables.map((t) => [t.table, t]));
      for (const t of tables) {
        const entry = byName.get(t.name);
        if (!entry) throw new BackupError(`The backup has no data for table ${t.name}.`);
        if (entry.rows === 0) continue;
        const columns = entry.columns.filter((c) => t.columns.includes(c));
        if (columns.length !== t.columns.length)
          throw new BackupError(`Table ${t.name} has other columns than in the backup.`);
        const lines = (await readFile(path.join(input.from, entry.path), 'utf8')).split('\n').filter(Boolean);
        if (lines.length !== entry.rows)
          throw new BackupError(`${entry.path}: ${lines.length} rows, the manifest says ${entry.rows}.`);
        const cols = columns.map(ident).join(', ');
        // A table that refers to itself goes in one statement: its foreign key is checked at the
        // end of the statement, so the order of parent and child rows does not matter.
        const step = t.selfReferencing ? lines.length : INSERT_ROWS;
        for (let i = 0; i < lines.length; i += step) {
          const json = `[${lines.slice(i, i + step).join(',')}]`;
          await tx.execute(
            // OVERRIDING SYSTEM VALUE: identity columns (GENERATED ALWAYS) take the backed-up value;
            // their sequences are set afterwards like every other.
            sql`INSERT INTO ${sql.raw(ident(t.name))} (${sql.raw(cols)}) OVERRIDING SYSTEM VALUE
                SELECT ${sql.raw(cols)} FROM json_populate_recordset(NULL::${sql.raw(ident(t.name))}, ${json}::json)`,
          );
        }
      }
      for (const name of byName.keys())
        if (!known.has(name)) throw new BackupError(`This release has no table ${name}.`);
      for (const t of tables)
        await tx.execute(sql`ALTER TABLE ${sql.raw(ident(t.name))} ENABLE TRIGGER USER`);
      for (const s of manifest.database.sequences) {
        if (s.lastValue !== null)
          await tx.execute(
            sql`SELECT setval(${`public.${ident(s.name)}`}::regclass, ${s.lastValue}::bigint, true)`,
          );
      }
    });
    await mkdir(path.dirname(path.resolve(input.filesDir)), { recursive: true });
    await rm(input.filesDir, { recursive: true, force: true }); // empty (checked above)
    if (manifest.files.length > 0) await rename(staging, input.filesDir);
    else await mkdir(input.filesDir, { recursive: true });
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** What `terbuka backup`/`restore` print about the keys, which never go into a backup. */
export function keysReminder(source: { fromEnvironment: boolean; secretsFile: string | undefined }): string {
  const where = source.fromEnvironment
    ? 'They come from the environment (SECRET_KEY, DATA_ENCRYPTION_KEY, DATA_ENCRYPTION_OLD_KEYS): keep them in your password manager or secret store.'
    : `They were generated in ${source.secretsFile}: keep a copy of that file somewhere other than the backup.`;
  return (
    'REMINDER: the keys are NOT in this backup. Without DATA_ENCRYPTION_KEY the NIKs and the identity scans in it cannot be read; ' +
    `without SECRET_KEY every session ends. ${where}`
  );
}

export async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for await (const rel of walk(dir)) total += (await stat(path.join(dir, rel))).size;
  return total;
}
