import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';

// Every tenant table carries office_id, and office_id leads its primary key and every unique
// key: the condition for distributing the database by office on Citus (ADR 0059) and for an
// office's rows never colliding with another's. A table without office_id must be named here
// as global, with the reason, or this test fails.
const GLOBAL_TABLES: Record<string, string> = {
  offices: 'the tenants themselves (a Citus reference table)',
  cache_generation:
    'one row: the generation of the reference data cached by the web processes (ADR 0072; a reference table)',
  users: 'staff accounts span offices; their roles carry the office (reference table)',
  sessions: 'per user, not per office (reference table, or a local table on the coordinator)',
  login_throttle:
    'sign-in failures per typed email and per client address, before any office is known (local table on the coordinator)',
  holidays: 'the national calendar (reference table)',
  holiday_years: 'which years of the national calendar are loaded (reference table)',
  election_periods: 'national election periods set by the national admin for every office (reference table)',
  dip_search_words: 'the words of every published DIP, for typo correction (reference table)',
};

// Unique keys that do not lead with office_id, each with why and what it becomes on Citus.
const GLOBAL_UNIQUE_KEYS: Record<string, string> = {
  api_tokens_hash_key:
    'a bearer token is looked up before its office is known; api_tokens (a few rows) is a reference table on Citus',
  calendar_feeds_token_key:
    'a calendar app fetches a feed by its secret alone, before the office is known; calendar_feeds (one row per officer and scope) is a reference table on Citus, like api_tokens',
};

// Every schema.ts under src/ (as drizzle.config.ts collects them for the migrations).
const srcDir = path.resolve(import.meta.dirname, '../..');
const schemaFiles = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter(
  (f) => path.basename(f) === 'schema.ts',
);
const modules = await Promise.all(
  schemaFiles.map(
    (f) => import(pathToFileURL(path.join(srcDir, f)).href) as Promise<Record<string, unknown>>,
  ),
);
const tables = modules
  .flatMap((m) => Object.values(m))
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => getTableConfig(t));

describe('tenant keys (Citus-ready: distribution by office_id)', () => {
  it('finds the schema', () => {
    expect(tables.length).toBeGreaterThan(20);
  });

  for (const t of tables) {
    const columns = t.columns.map((c) => c.name);
    const tenant = columns.includes('office_id');
    it(`${t.name}: ${tenant ? 'office_id leads its primary and unique keys' : 'is a named global table'}`, () => {
      if (!tenant) {
        expect(
          GLOBAL_TABLES,
          `table ${t.name} has no office_id: add it, or name it in GLOBAL_TABLES with the reason`,
        ).toHaveProperty(t.name);
        return;
      }
      const pkColumns =
        t.primaryKeys[0]?.columns.map((c) => c.name) ?? t.columns.filter((c) => c.primary).map((c) => c.name);
      expect(
        pkColumns[0],
        `primary key of ${t.name} (${pkColumns.join(', ')}) must start with office_id`,
      ).toBe('office_id');
      for (const u of t.uniqueConstraints.filter((x) => !(x.name && x.name in GLOBAL_UNIQUE_KEYS))) {
        const cols = u.columns.map((c) => c.name);
        expect(
          cols[0],
          `unique key ${u.name ?? ''} of ${t.name} (${cols.join(', ')}) must start with office_id`,
        ).toBe('office_id');
      }
      for (const c of t.columns.filter((x) => x.isUnique)) {
        expect.fail(
          `column ${t.name}.${c.name} is unique on its own: make it unique together with office_id`,
        );
      }
      for (const i of t.indexes.filter((x) => x.config.unique)) {
        const first = i.config.columns[0] as { name?: string } | undefined;
        expect(
          first?.name,
          `unique index ${i.config.name ?? ''} of ${t.name} must start with office_id`,
        ).toBe('office_id');
      }
    });
  }
});
