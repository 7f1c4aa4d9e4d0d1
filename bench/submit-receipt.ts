import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { DatabaseHandle } from '../src/platform/db/database.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { FileStore } from '../src/platform/storage/file-store.ts';
import { seedHolidays } from '../src/modules/calendar/seed-holidays.ts';
import { seedKpuOffices } from '../src/modules/offices/seed-offices.ts';
import { buildApp } from '../src/web/app.ts';
import { startPgCluster } from '../scripts/pg-cluster.ts';
import { intakeBody } from './lib/intake-body.ts';

// Time from submit to receipt: a requester posts a request to the JSON API and then fetches the
// receipt PDF from the link in the answer. 20 concurrent submitters, each sending requests one
// after another, against one office (the worst case: every submission takes the same counter
// row). Run on PGlite and on a PostgreSQL server in one process; the PostgreSQL/PGlite ratio is
// the figure to compare across machines.

const SUBMITTERS = 20;
const PER_SUBMITTER = Number(process.env.BENCH_PER_SUBMITTER ?? 15);
const WARMUP = 10;
const OFFICE = 'kpu-kota-bandung';

function percentile(sorted: number[], p: number): number {
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)]!;
}

interface Result {
  label: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  perSecond: number;
}

async function measure(label: string, database: DatabaseHandle): Promise<Result> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-bench-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SECRET_KEY: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DATA_DIR: dataDir,
    RUN_WORKER: 'false',
  });
  const app = await buildApp({
    config,
    database,
    clock: systemClock,
    files: new FileStore(path.join(dataDir, 'files'), config.dataKeys),
  });
  await app.ready();
  let counter = 0;
  const once = async (submitter: number): Promise<number> => {
    const i = counter++;
    const started = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/offices/${OFFICE}/requests`,
      payload: intakeBody(i),
      remoteAddress: `10.1.${submitter}.${i % 250}`,
    });
    if (res.statusCode !== 201) throw new Error(`submit answered ${res.statusCode}: ${res.body}`);
    const receipt = await app.inject(new URL(res.json<{ receiptUrl: string }>().receiptUrl).pathname);
    if (receipt.statusCode !== 200 || !receipt.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')))
      throw new Error(`receipt answered ${receipt.statusCode}`);
    return performance.now() - started;
  };
  for (let w = 0; w < WARMUP; w++) await once(w % SUBMITTERS);
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: SUBMITTERS }, async (_, s) => {
      for (let k = 0; k < PER_SUBMITTER; k++) latencies.push(await once(s));
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  return {
    label,
    n: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1)!,
    perSecond: latencies.length / elapsed,
  };
}

async function prepare(handle: DatabaseHandle, url?: string): Promise<DatabaseHandle> {
  await runMigrations(handle, url);
  await seedKpuOffices(handle.db);
  await seedHolidays(handle.db);
  return handle;
}

export async function main(): Promise<void> {
  console.log(
    `submit → receipt: ${SUBMITTERS} concurrent submitters × ${PER_SUBMITTER} requests to one office (+${WARMUP} warm-up), in-process HTTP (app.inject)`,
  );
  const results: Result[] = [];
  const pglite = await prepare(await openDatabase({ kind: 'pglite-memory' }));
  try {
    results.push(await measure('PGlite (embedded)', pglite));
  } finally {
    await pglite.close();
  }
  const cluster = await startPgCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE terbuka_bench');
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, '/terbuka_bench');
    const server = await prepare(await openDatabase({ kind: 'postgres', url, poolMax: 10 }), url);
    try {
      results.push(await measure('PostgreSQL 15 (pool 10)', server));
    } finally {
      await server.close();
    }
  } finally {
    cluster.stop();
  }
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(
    `\n${pad('database', 26)}${pad('n', 6)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}${pad('max ms', 10)}submissions/s`,
  );
  for (const r of results) {
    console.log(
      `${pad(r.label, 26)}${pad(String(r.n), 6)}${pad(r.p50.toFixed(1), 10)}${pad(r.p95.toFixed(1), 10)}${pad(r.max.toFixed(1), 10)}${r.perSecond.toFixed(1)}`,
    );
  }
  const [lite, server] = results as [Result, Result];
  console.log(
    `\nratio PostgreSQL/PGlite: p50 ${(server.p50 / lite.p50).toFixed(2)}, p95 ${(server.p95 / lite.p95).toFixed(2)}, throughput ${(server.perSecond / lite.perSecond).toFixed(2)}`,
  );
}
