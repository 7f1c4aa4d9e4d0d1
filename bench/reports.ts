import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { queryRows, type DatabaseHandle } from '../src/platform/db/database.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { listOffices } from '../src/modules/offices/queries.ts';
import { seedKpuOffices } from '../src/modules/offices/seed-offices.ts';
import { seedHolidays } from '../src/modules/calendar/seed-holidays.ts';
import { readChildFigures } from '../src/modules/reports/read-statistics.ts';
import { refreshStatistics } from '../src/modules/reports/refresh-statistics.ts';
import { startPgCluster } from '../scripts/pg-cluster.ts';

// The national report (every office, by province, one year) against one sequential
// `count(*)` of the requests table, at 100,000 and 1,000,000 requests spread over the 553
// offices, on PGlite and on PostgreSQL, in one run (ADR 0035). Each report run follows a
// change to one request, so it includes the incremental refresh of the month that change
// marked. `npm run bench -- reports [sizes…]` (default 100000 1000000).

const ROUNDS = 15;

export async function fill(db: DatabaseHandle['db'], n: number): Promise<void> {
  await db.execute(
    sql`create temporary table bench_offices as select row_number() over (order by code) - 1 as k, id from offices`,
  );
  const [{ c }] = (await queryRows<{ c: number }>(db, sql`select count(*)::int as c from bench_offices`)) as [
    { c: number },
  ];
  for (let from = 1; from <= n; from += 50_000) {
    const to = Math.min(n, from + 49_999);
    await db.execute(sql`
      insert into requests (office_id, number, year, seq, status, channel, received_at, created_at, requester_type, requester_name, address,
        information_requested, purpose, category, access_methods, delivery_method, tracking_code_hash, deadline_profile, response_days,
        extension_days, received_on, due_date, due_explanation, issued_by, updated_at, decided_at, extended_due_date)
      select o.id, 'B/' || g, 2026, g, case when g % 5 = 0 then 'IN_PROCESS' else 'DECIDED' end, 'WEB', r.at, r.at, 'PERORANGAN', 'Pemohon ' || g, 'Alamat',
        'Informasi ' || g, 'Penelitian', 'BADAN_PUBLIK', array['SALINAN_SOFTCOPY'], 'EMAIL', md5(g::text), 'STANDARD', 10, 7,
        r.at::date, r.at::date + 14, '{}'::jsonb, '{}'::jsonb, r.at,
        case when g % 5 = 0 then null else r.at + ((g % 19) || ' days')::interval end,
        case when g % 11 = 0 then r.at::date + 24 else null end
      from generate_series(${from}::int, ${to}::int) g
      join bench_offices o on o.k = g % ${c}
      cross join lateral (select timestamptz '2026-01-02 02:00+00' + (((g * 7919) % 340) || ' days')::interval + ((g % 9) || ' hours')::interval as at) r`);
  }
  await db.execute(sql`
    insert into request_decisions (office_id, request_id, round, outcome, decided_at, decided_by, officer_name, officer_title, information_held,
      forms, delivery_method, fee_total, issued_by, exemption_ground)
    select office_id, id, 1, (array['GRANTED_FULL','GRANTED_FULL','GRANTED_FULL','GRANTED_PARTIAL','REFUSED_EXEMPT','NOT_HELD','NOT_YET_DOCUMENTED'])[1 + seq % 7],
      decided_at, 'bench', 'PPID', 'PPID', seq % 7 <> 5, array['SOFTCOPY'], 'EMAIL', 0, '{}'::jsonb,
      case when seq % 7 = 4 then (array['a','b','c','d','e','f','g','h','i','j'])[1 + seq % 10] else null end
    from requests where decided_at is not null`);
  await db.execute(sql`analyze`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Result {
  size: number;
  loadS: number;
  buildS: number;
  reportMs: number;
  scanMs: number;
  /** Of the report: the refresh of the one marked office-month (the rest is summing). */
  refreshMs: number;
}

async function measure(
  label: string,
  handle: DatabaseHandle,
  migrateUrl: string | undefined,
  size: number,
): Promise<Result> {
  const db = handle.db;
  await runMigrations(handle, migrateUrl);
  await seedKpuOffices(db);
  await seedHolidays(db);
  const t0 = performance.now();
  await fill(db, size);
  const loadS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await refreshStatistics(db, new Date());
  const buildS = (performance.now() - t1) / 1000;
  const all = await listOffices(db);
  const root = all.find((o) => o.parentId === null)!;
  const provinces = all.filter((o) => o.parentId === root.id);
  const reports: number[] = [];
  const scans: number[] = [];
  const refreshes: number[] = [];
  let received = 0;
  for (let i = -2; i < ROUNDS; i++) {
    // A change, as the service makes all day: it marks one office-month stale.
    await db.execute(
      sql`update requests set updated_at = now() where (office_id, id) = (select office_id, id from requests order by id offset ${100 + i} limit 1)`,
    );
    const a = performance.now();
    await refreshStatistics(db, new Date());
    const refreshed = performance.now();
    const national = await readChildFigures(db, new Date(), root, provinces, 2026);
    const b = performance.now();
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from requests`);
    const c = performance.now();
    received = national.total.requests.received;
    if (received !== row!.n) throw new Error(`national total ${received} differs from count(*) ${row!.n}`);
    if (i >= 0) {
      reports.push(b - a);
      scans.push(c - b);
      refreshes.push(refreshed - a);
    }
  }
  const r = {
    size,
    loadS,
    buildS,
    reportMs: median(reports),
    scanMs: median(scans),
    refreshMs: median(refreshes),
  };
  console.log(
    `${label.padEnd(10)} ${size.toLocaleString('en').padStart(10)} requests: loaded ${loadS.toFixed(1)} s, first build ${buildS.toFixed(1)} s; ` +
      `national report ${r.reportMs.toFixed(1)} ms (refresh of the marked month ${r.refreshMs.toFixed(1)} ms), count(*) ${r.scanMs.toFixed(1)} ms, ratio ${(r.reportMs / r.scanMs).toFixed(3)} (national total = count(*) = ${received.toLocaleString('en')})`,
  );
  return r;
}

export async function main(args: string[]): Promise<void> {
  const sizes = (args.length > 0 ? args : ['100000', '1000000']).map(Number);
  console.log(
    `Reports benchmark: national report (553 offices, by province) vs count(*) of requests; median of ${ROUNDS} runs\n`,
  );
  const results: [string, Result][] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-bench-'));
    const lite = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
    try {
      results.push(['PGlite', await measure('PGlite', lite, undefined, size)]);
    } finally {
      await lite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const cluster = await startPgCluster();
  try {
    for (const size of sizes) {
      const name = `terbuka_bench_${size}`;
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = cluster.url.replace(/\/postgres$/, `/${name}`);
      const server = await openDatabase({ kind: 'postgres', url, poolMax: 4 });
      try {
        results.push(['PostgreSQL', await measure('PostgreSQL', server, url, size)]);
      } finally {
        await server.close();
      }
    }
  } finally {
    cluster.stop();
  }
  console.log(
    `\n${'database'.padEnd(12)}${'requests'.padStart(12)}${'report ms'.padStart(12)}${'count(*) ms'.padStart(14)}${'ratio'.padStart(9)}`,
  );
  for (const [label, r] of results) {
    console.log(
      `${label.padEnd(12)}${r.size.toLocaleString('en').padStart(12)}${r.reportMs.toFixed(1).padStart(12)}${r.scanMs.toFixed(1).padStart(14)}${(r.reportMs / r.scanMs).toFixed(3).padStart(9)}`,
    );
  }
  console.log(
    '\nratio = national report time / count(*) scan time (below 1: the report is faster than one scan).',
  );
}
