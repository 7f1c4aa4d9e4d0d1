import pg from 'pg';
import { startPgCluster } from '../scripts/pg-cluster.ts';
import { rawCommitRate } from './lib/data.ts';
import { bodyOf, ip } from './lib/intake-body.ts';
import { load, type LoadResult } from './lib/load.ts';
import { ensureBuilt, repoRoot, startTerbuka, type Child } from './lib/servers.ts';

// Intake against the database's own commit rate (issue 16, ADR 0106): the public JSON API's
// POST /api/v1/offices/{office}/requests at 32 clients, over 100 offices and into one office,
// next to a raw `pg` INSERT + COMMIT loop at the same concurrency measured right before it.
// Fair by construction: the loop runs 32 connections and Terbuka gets a pool of 32
// (DATABASE_POOL_MAX), on the same PostgreSQL server, from the same load generator.
//
// BENCH_BEFORE_DIR=<checkout> measures another tree (built with `node bin/build-if-stale.mjs`)
// in the same run, on its own database of the same server, interleaved round by round:
//   npm run bench -- intake [--seconds 5] [--rounds 2]
// Afterwards every office's numbers must run 1..n without a gap or a twin.

const CLIENTS = 32;
const OFFICE = 'kpu-kota-bandung';

function flag(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

interface Tree {
  label: string;
  dir: string;
  url: string;
  server?: Child;
  slugs: string[];
}

interface Figure {
  tree: string;
  what: string;
  round: number;
  result: LoadResult;
  raw: number;
}

export async function main(args: string[]): Promise<void> {
  const seconds = flag(args, '--seconds', 5);
  const rounds = flag(args, '--rounds', 2);
  const beforeDir = process.env.BENCH_BEFORE_DIR;
  console.log(
    `intake: ${CLIENTS} clients, pool ${CLIENTS}, ${seconds} s per figure, ${rounds} round(s)${beforeDir ? `, before = ${beforeDir}` : ''}\n`,
  );
  ensureBuilt();
  const cluster = await startPgCluster();
  const trees: Tree[] = [
    ...(beforeDir ? [{ label: 'before', dir: beforeDir, url: '', slugs: [] }] : []),
    { label: 'after', dir: repoRoot, url: '', slugs: [] },
  ];
  const figures: Figure[] = [];
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    for (const tree of trees) {
      await admin.query(`CREATE DATABASE terbuka_${tree.label}`);
      tree.url = cluster.url.replace(/\/postgres$/, `/terbuka_${tree.label}`);
      // The first start migrates and seeds (the demo accounts give the office staff to notify).
      const first = await startTerbuka({ DATABASE_URL: tree.url, SEED_DEMO: 'true' }, tree.dir);
      await first.stop();
      tree.server = await startTerbuka(
        { DATABASE_URL: tree.url, DATABASE_POOL_MAX: String(CLIENTS) },
        tree.dir,
      );
      const db = new pg.Client({ connectionString: tree.url });
      await db.connect();
      const { rows } = await db.query<{ slug: string }>(
        `select slug from offices where active order by code limit 100`,
      );
      tree.slugs = rows.map((r) => r.slug);
      await db.end();
    }
    await admin.end();
    for (let round = 1; round <= rounds; round++) {
      for (const tree of trees) {
        for (const [what, slugOf] of [
          ['over 100 offices', (i: number) => tree.slugs[i % tree.slugs.length]!],
          ['into one office', () => OFFICE],
        ] as const) {
          const raw = await rawCommitRate(tree.url, CLIENTS, seconds);
          const result = await load({
            port: tree.server!.port,
            clients: CLIENTS,
            seconds,
            warmupSeconds: 1,
            next: (i) => ({
              method: 'POST',
              path: `/api/v1/offices/${slugOf(i)}/requests`,
              body: bodyOf(i),
              headers: ip(i),
            }),
          });
          figures.push({ tree: tree.label, what, round, result, raw });
          console.log(
            `  round ${round} ${tree.label} ${what}: ${result.rps.toFixed(0)}/s, p95 ${result.p95.toFixed(1)} ms, ${result.errors} errors; raw ${raw.toFixed(0)}/s → ${((result.rps / raw) * 100).toFixed(1)}%`,
          );
          if (result.firstError) console.log(`    first error: ${result.firstError}`);
        }
      }
    }
    const checks: string[] = [];
    for (const tree of trees) {
      const db = new pg.Client({ connectionString: tree.url });
      await db.connect();
      const {
        rows: [check],
      } = await db.query<{ bad: number; dups: number; n: number }>(`
        select (select count(*)::int from (select office_id, year, count(*) as n, min(seq) as lo, max(seq) as hi from requests group by 1, 2) s where lo <> 1 or hi <> n) as bad,
               (select count(*)::int - count(distinct (office_id, number))::int from requests) as dups,
               (select count(*)::int from requests) as n`);
      checks.push(
        `${tree.label}: ${check!.n} requests, ${check!.dups} duplicate numbers, ${check!.bad} office-years with a gap`,
      );
      await db.end();
    }
    console.log(
      `\n${'tree'.padEnd(8)}${'intake'.padEnd(18)}${'round'.padEnd(7)}${'Terbuka'.padEnd(28)}${'raw INSERT+COMMIT'.padEnd(20)}ratio`,
    );
    for (const f of figures) {
      console.log(
        `${f.tree.padEnd(8)}${f.what.padEnd(18)}${String(f.round).padEnd(7)}${`${f.result.rps.toFixed(0)}/s, p95 ${f.result.p95.toFixed(1)} ms`.padEnd(28)}${`${f.raw.toFixed(0)}/s`.padEnd(20)}${((f.result.rps / f.raw) * 100).toFixed(1)}%${f.result.errors ? ` (${f.result.errors} errors)` : ''}`,
      );
    }
    console.log(`\nnumbering — ${checks.join('; ')}`);
  } finally {
    for (const tree of trees) await tree.server?.stop().catch(() => undefined);
    cluster.stop();
  }
}
