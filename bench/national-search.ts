import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPgCluster, type PgCluster } from '../scripts/pg-cluster.ts';
import { fillDip } from './lib/data.ts';
import { ip } from './lib/intake-body.ts';
import { load, type LoadRequest } from './lib/load.ts';
import { startBare, startTerbuka, type Child } from './lib/servers.ts';

// The national DIP search at national size (ADR 0110): `/dip?q=` and `GET /api/v1/dip/entries?q=`
// over 553 offices × `perOffice` published entries, one client and 32, each next to the bare
// Fastify anchor of the same run. "cached" repeats the suite's 8 queries (served from the
// generation cache after their first request); "uncached" sends every URL once (8 queries ×
// pages 1–10 × no/three categories × with/without the election flag, shuffled), so each is
// searched — what a visitor typing a new query waits for.
//   npm run bench -- national-search [perOffice=2000] [seconds=6]
//   BENCH_DATABASE_URL=<url of a database already migrated and filled> skips the generation.
//   BENCH_BEFORE_DIR=<checkout> measures that code too, right before, on the same database.

const QUERIES = [
  'pengadaan',
  'permohonan informasi',
  'laporan keuangan',
  'pemutakhiran data coblong',
  'lapran keuangn',
  'permohnan',
  'rekapitulasi suara',
  'logistik',
];

function uncachedPaths(route: 'page' | 'api'): string[] {
  const out: string[] = [];
  for (const q of QUERIES)
    for (let page = 1; page <= 10; page++)
      for (const category of ['', 'BERKALA', 'SERTA_MERTA', 'SETIAP_SAAT'])
        for (const election of [false, true]) {
          const p = new URLSearchParams({ q });
          if (route === 'page') {
            if (page > 1) p.set('hal', String(page));
            if (category) p.set('kategori', category);
            if (election) p.set('pemilu', '1');
            out.push(`/dip?${p}`);
          } else {
            if (page > 1) p.set('page', String(page));
            if (category) p.set('category', category);
            if (election) p.set('election', 'true');
            out.push(`/api/v1/dip/entries?${p}`);
          }
        }
  // A fixed shuffle (the same order for every server measured).
  let seed = 16;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const fmt = (r: { rps: number; p50: number; p95: number; errors: number }) =>
  `${r.rps.toFixed(0).padStart(5)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms${r.errors ? `  ${r.errors} errors` : ''}`;

export async function main(args: string[]): Promise<void> {
  const perOffice = Number(args[0] ?? 2000);
  const seconds = Number(args[1] ?? 6);
  let cluster: PgCluster | undefined;
  let url = process.env.BENCH_DATABASE_URL;
  const children: Child[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-bench-ns-'));
  try {
    if (!url) {
      cluster = await startPgCluster();
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('CREATE DATABASE terbuka_bench');
      await admin.end();
      url = cluster.url.replace(/\/postgres$/, '/terbuka_bench');
      const first = await startTerbuka({ DATABASE_URL: url, DATA_DIR: dataDir });
      await first.stop();
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      const t0 = performance.now();
      const n = await fillDip(db, perOffice);
      await db.query('vacuum analyze dip_version_entries');
      await db.end();
      console.log(`${n.toLocaleString('en')} entries in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from dip_version_entries where "current"`,
    );
    const n = rows[0]?.n ?? 0;
    await db.end();
    console.log(`national search over ${n.toLocaleString('en')} published entries, ${seconds} s per figure`);

    const bare = await startBare();
    children.push(bare);
    const env = { DATABASE_URL: url, DATA_DIR: dataDir, DATABASE_POOL_MAX: '10' };
    const servers: [string, Child][] = [];
    if (process.env.BENCH_BEFORE_DIR)
      servers.push(['before', await startTerbuka(env, process.env.BENCH_BEFORE_DIR)]);
    servers.push(['after', await startTerbuka(env)]);
    children.push(...servers.map(([, c]) => c));

    const anchor = await load({
      port: bare.port,
      clients: 32,
      seconds,
      warmupSeconds: 1,
      next: () => ({ path: '/' }),
    });
    console.log(`anchor bare Fastify, 32 clients: ${fmt(anchor)}`);
    for (const route of ['page', 'api'] as const) {
      const headers = (i: number) => (route === 'api' ? { headers: ip(i) } : {});
      const cached = (i: number): LoadRequest => ({
        path:
          route === 'page'
            ? `/dip?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}`
            : `/api/v1/dip/entries?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}`,
        ...headers(i),
      });
      for (const [label, server] of servers) {
        // Each server gets its own list of URLs it has not seen: every request is searched.
        const paths = uncachedPaths(route);
        const uncached = (i: number): LoadRequest => ({ path: paths[i % paths.length]!, ...headers(i) });
        const one = await load({ port: server.port, clients: 1, seconds, next: uncached });
        const many = await load({ port: server.port, clients: 32, seconds, warmupSeconds: 1, next: cached });
        const oneCached = await load({
          port: server.port,
          clients: 1,
          seconds,
          warmupSeconds: 1,
          next: cached,
        });
        console.log(
          `${route} ${label.padEnd(6)} 1 client uncached (${one.requests} of ${paths.length} URLs): ${fmt(one)}`,
        );
        console.log(`${route} ${label.padEnd(6)} 1 client cached:   ${fmt(oneCached)}`);
        console.log(
          `${route} ${label.padEnd(6)} 32 clients cached: ${fmt(many)}  = ${((many.rps / anchor.rps) * 100).toFixed(1)}% of the anchor`,
        );
      }
    }
  } finally {
    for (const c of children.reverse()) await c.stop().catch(() => undefined);
    cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
