import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { queryRows, type DatabaseHandle } from '../src/platform/db/database.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { findOfficeBySlug } from '../src/modules/offices/queries.ts';
import { seedKpuOffices } from '../src/modules/offices/seed-offices.ts';
import { recordSearchWords, searchPublished, type PublicQuery } from '../src/modules/dip/queries.ts';
import { buildSearchTerms } from '../src/modules/dip/search-query.ts';
import { startPgCluster } from '../scripts/pg-cluster.ts';
import { KECAMATAN, KIND, TOPIC, UNITS } from './lib/data.ts';

// Public DIP search latency over one office's DIP of 100,000 published entries, on PGlite and
// on a PostgreSQL server, in one run: the same function the public pages and the API call
// (searchPublished), with the queries the public types — stems, several words, typos,
// category browsing, deep pages, and the national search. Prints p50/p95 per database and
// their ratio. `npm run bench -- dip-search [entries] [rounds]`.

const arr = (xs: string[]) => sql.raw(`array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`);
const pick = (xs: string[]) => sql`(${arr(xs)})[1 + floor(random() * ${xs.length})::int]`;

async function fill(db: DatabaseHandle['db'], officeId: string, n: number): Promise<void> {
  const [version] = await queryRows<{ id: string }>(
    db,
    sql`insert into dip_versions (office_id, year, revision, cycle_id, published_at, entry_count, current)
        values (${officeId}, 2026, 1, gen_random_uuid(), now(), ${n}, true) returning id`,
  );
  const versionId = version!.id;
  for (let from = 1; from <= n; from += 10_000) {
    const to = Math.min(n, from + 9_999);
    await db.execute(sql`
      insert into dip_version_entries (office_id, version_id, entry_key, year, position, "current", category, document_title, summary,
        holding_unit, responsible_official, time_and_place, formats, file_types, retention, is_election, changed_at, published_at)
      select ${officeId}, ${versionId}, gen_random_uuid(), 2026, g, true,
        (array['BERKALA','SERTA_MERTA','SETIAP_SAAT'])[1 + g % 3],
        ${pick(KIND)} || ' ' || ${pick(TOPIC)} || ' Kecamatan ' || ${pick(KECAMATAN)} || ' Tahun ' || (2015 + g % 12),
        'Memuat ' || ${pick(TOPIC)} || ' dan ' || ${pick(TOPIC)} || ' di wilayah Kecamatan ' || ${pick(KECAMATAN)} || ', disusun oleh sekretariat untuk keperluan ' || ${pick(TOPIC)},
        ${pick(UNITS)}, 'Sekretaris KPU Kota Bandung', 'Setiap tahun, Kantor KPU Kota Bandung',
        array['SOFTCOPY','HARDCOPY'], array['PDF'], (1 + g % 10) || ' tahun', g % 7 = 0, now(), now()
      from generate_series(${from}::int, ${to}::int) g`);
  }
  // As publication does: the words of the new version feed the typo corrections.
  await recordSearchWords(db, officeId, versionId);
  await db.execute(sql`analyze dip_version_entries`);
  await db.execute(sql`analyze dip_search_words`);
}

interface Case {
  name: string;
  query: Omit<PublicQuery, 'officeId'>;
  national?: boolean;
}

const CASES: Case[] = [
  { name: 'stem: "mohon"', query: { terms: buildSearchTerms('mohon'), limit: 20, offset: 0 } },
  {
    name: 'two words: "laporan keuangan"',
    query: { terms: buildSearchTerms('laporan keuangan'), limit: 20, offset: 0 },
  },
  {
    name: 'three words + place',
    query: { terms: buildSearchTerms('pemutakhiran data coblong'), limit: 20, offset: 0 },
  },
  {
    name: 'over-stemmed: "pengadaan"',
    query: { terms: buildSearchTerms('pengadaan'), limit: 20, offset: 0 },
  },
  {
    name: 'typo: "lapran keuangn"',
    query: { terms: buildSearchTerms('lapran keuangn'), limit: 20, offset: 0 },
  },
  { name: 'typo: "permohnan"', query: { terms: buildSearchTerms('permohnan'), limit: 20, offset: 0 } },
  { name: 'category browse, page 1', query: { category: 'BERKALA', limit: 20, offset: 0 } },
  { name: 'category browse, page 50', query: { category: 'SETIAP_SAAT', limit: 20, offset: 980 } },
  {
    name: 'search + category + election',
    query: {
      terms: buildSearchTerms('rekapitulasi'),
      category: 'SETIAP_SAAT',
      election: true,
      limit: 20,
      offset: 0,
    },
  },
  {
    name: 'national: "permohonan informasi"',
    query: { terms: buildSearchTerms('permohonan informasi'), limit: 20, offset: 0 },
    national: true,
  },
];

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

interface Result {
  all: number[];
  perCase: Map<string, number[]>;
  loadSeconds: number;
}

async function measure(
  label: string,
  handle: DatabaseHandle,
  migrateUrl: string | undefined,
  entries: number,
  rounds: number,
): Promise<Result> {
  const t0 = performance.now();
  await runMigrations(handle, migrateUrl);
  await seedKpuOffices(handle.db);
  const office = (await findOfficeBySlug(handle.db, 'kpu-kota-bandung'))!;
  await fill(handle.db, office.id, entries);
  const loadSeconds = (performance.now() - t0) / 1000;
  console.log(`${label}: ${entries.toLocaleString('en')} entries loaded in ${loadSeconds.toFixed(1)} s`);
  const perCase = new Map<string, number[]>(CASES.map((c) => [c.name, []]));
  const all: number[] = [];
  for (let round = -3; round < rounds; round++) {
    for (const c of CASES) {
      const started = performance.now();
      const { hits, total } = await searchPublished(handle.db, {
        ...c.query,
        ...(c.national ? {} : { officeId: office.id }),
      });
      const ms = performance.now() - started;
      if (round === -3 && hits.length === 0 && !c.name.startsWith('search +'))
        console.warn(`  (no hits for ${c.name}; total ${total})`);
      if (round >= 0) {
        perCase.get(c.name)!.push(ms);
        all.push(ms);
      }
    }
  }
  return { all, perCase, loadSeconds };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10);

export async function main(args: string[]): Promise<void> {
  const entries = Number(args[0] ?? 100_000);
  const rounds = Number(args[1] ?? 30);
  console.log(
    `DIP public search benchmark: ${entries.toLocaleString('en')} published entries, ${CASES.length} queries × ${rounds} rounds per database\n`,
  );

  const dir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-bench-'));
  const lite = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
  let liteResult: Result;
  try {
    liteResult = await measure('PGlite', lite, undefined, entries, rounds);
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const cluster = await startPgCluster();
  let pgResult: Result;
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE terbuka_bench');
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, '/terbuka_bench');
    const server = await openDatabase({ kind: 'postgres', url, poolMax: 4 });
    try {
      pgResult = await measure('PostgreSQL', server, url, entries, rounds);
    } finally {
      await server.close();
    }
  } finally {
    cluster.stop();
  }

  const rows: [string, number[], number[]][] = [
    ['all queries', liteResult.all, pgResult.all],
    ...CASES.map((c): [string, number[], number[]] => [
      c.name,
      liteResult.perCase.get(c.name)!,
      pgResult.perCase.get(c.name)!,
    ]),
  ];
  console.log(
    `\n${'query'.padEnd(38)} ${'PGlite p50'.padStart(10)} ${'p95'.padStart(10)} ${'Postgres p50'.padStart(12)} ${'p95'.padStart(10)} ${'ratio p50'.padStart(10)} ${'ratio p95'.padStart(10)}`,
  );
  for (const [name, a, b] of rows) {
    const sa = [...a].sort((x, y) => x - y);
    const sb = [...b].sort((x, y) => x - y);
    const [a50, a95, b50, b95] = [
      percentile(sa, 50),
      percentile(sa, 95),
      percentile(sb, 50),
      percentile(sb, 95),
    ];
    console.log(
      `${name.padEnd(38)} ${fmt(a50)} ${fmt(a95)} ${fmt(b50).padStart(12)} ${fmt(b95)} ${`${(a50 / b50).toFixed(2)}×`.padStart(10)} ${`${(a95 / b95).toFixed(2)}×`.padStart(10)}`,
    );
  }
  console.log('\nratio = PGlite time / PostgreSQL time (above 1: PostgreSQL is faster).');
}
