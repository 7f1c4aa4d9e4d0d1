import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startPgCluster } from '../scripts/pg-cluster.ts';
import { request } from './lib/load.ts';
import { ensureBuilt, repoRoot, rssMb, startTerbuka, type Child } from './lib/servers.ts';

// Start time and idle memory (issue 16, ADR 0111): `npm run bench -- start [--idle=30] [--no-postgres]`.
//   cold  = the first `node dist/main.js` on an empty data directory (migrations, 553 offices,
//           holidays, demo data) until the first office page is answered;
//   warm  = the second start on that directory, to the first page;
//   idle RSS = the serving process's resident memory `--idle` seconds after its first page,
//           on the embedded database (after the warm start) and on PostgreSQL.
// Anchor, measured in the same run: a bare Fastify process (one HTML route) from spawn to its
// first answer, and its RSS after the same idle time. BENCH_BEFORE_DIR=<built checkout>
// measures that checkout too (its own data directory), right before this one.

const OFFICE = 'kpu-kota-bandung';
const TARGETS = { cold: 6, warm: 1.5, rssEmbedded: 400, rssPostgres: 150 };

interface Figures {
  coldS: number;
  warmS: number;
  rssEmbeddedMb: number;
  rssPostgresMb?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function toFirstPage(start: () => Promise<Child>): Promise<{ server: Child; seconds: number }> {
  const t0 = performance.now();
  const server = await start();
  const first = await request(server.port, { path: `/${OFFICE}` });
  const seconds = (performance.now() - t0) / 1000;
  if (first.status !== 200) {
    await server.stop();
    throw new Error(`first page answered ${first.status}: ${server.output()}`);
  }
  return { server, seconds };
}

const BARE = `import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><p>PPID</p>'));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('listening');`;

/** The anchor: plain node + Fastify, spawn to first answer, and its idle RSS. */
async function bare(idleMs: number): Promise<{ seconds: number; rssMb: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', BARE], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
      child.once('exit', (code) => reject(new Error(`bare Fastify exited ${code}`)));
    });
    const r = await request(port, { path: '/' });
    if (r.status !== 200) throw new Error(`bare Fastify answered ${r.status}`);
    const seconds = (performance.now() - t0) / 1000;
    await sleep(idleMs);
    return { seconds, rssMb: rssMb(child.pid!) };
  } finally {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
  }
}

async function embedded(dir: string | undefined, idleMs: number): Promise<Omit<Figures, 'rssPostgresMb'>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-bench-start-'));
  const env = { NODE_ENV: 'development', DATA_DIR: dataDir, SEED_DEMO: 'true' };
  try {
    const cold = await toFirstPage(() => startTerbuka(env, dir));
    await cold.server.stop();
    const warm = await toFirstPage(() => startTerbuka(env, dir));
    await sleep(idleMs);
    const rss = rssMb(warm.server.pid);
    await warm.server.stop();
    return { coldS: cold.seconds, warmS: warm.seconds, rssEmbeddedMb: rss };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string, dir: string | undefined, idleMs: number): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-bench-start-pg-'));
  const env = { DATABASE_URL: url, DATA_DIR: dataDir, SEED_DEMO: 'true', DATABASE_POOL_MAX: '10' };
  try {
    // The first start migrates and seeds; the figure is the second (a restarted server).
    const first = await toFirstPage(() => startTerbuka(env, dir));
    await first.server.stop();
    const again = await toFirstPage(() => startTerbuka(env, dir));
    await sleep(idleMs);
    const rss = rssMb(again.server.pid);
    await again.server.stop();
    return rss;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function main(args: string[]): Promise<void> {
  const idleArg = args.find((a) => a.startsWith('--idle='));
  const idleMs = Number(idleArg ? idleArg.slice('--idle='.length) : 30) * 1000;
  const withPostgres = !args.includes('--no-postgres');
  const beforeDir = process.env.BENCH_BEFORE_DIR;
  ensureBuilt();
  console.log(`Start time and idle memory (idle ${idleMs / 1000} s, load ${os.loadavg()[0]!.toFixed(1)})\n`);

  const anchor = await bare(idleMs);
  const cluster = withPostgres ? await startPgCluster() : undefined;
  try {
    const measure = async (dir: string | undefined, db: string): Promise<Figures> => {
      const figures: Figures = await embedded(dir, idleMs);
      if (cluster) {
        const admin = new pg.Client({ connectionString: cluster.url });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${db}`);
        await admin.end();
        figures.rssPostgresMb = await onPostgres(cluster.url.replace(/\/postgres$/, `/${db}`), dir, idleMs);
      }
      return figures;
    };
    const before = beforeDir ? await measure(beforeDir, 'terbuka_start_before') : undefined;
    const after = await measure(undefined, 'terbuka_start');

    const s = (x: number) => `${x.toFixed(2)} s`;
    const mb = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(0)} MB`);
    const rows: [string, (f: Figures) => string, string, string, (f: Figures) => boolean][] = [
      [
        'start cold, first page (embedded)',
        (f) => s(f.coldS),
        s(anchor.seconds),
        `≤ ${TARGETS.cold} s`,
        (f) => f.coldS <= TARGETS.cold,
      ],
      [
        'start warm, first page (embedded)',
        (f) => s(f.warmS),
        s(anchor.seconds),
        `≤ ${TARGETS.warm} s`,
        (f) => f.warmS <= TARGETS.warm,
      ],
      [
        'idle RSS (embedded)',
        (f) => mb(f.rssEmbeddedMb),
        mb(anchor.rssMb),
        `≤ ${TARGETS.rssEmbedded} MB`,
        (f) => f.rssEmbeddedMb <= TARGETS.rssEmbedded,
      ],
      [
        'idle RSS (PostgreSQL)',
        (f) => mb(f.rssPostgresMb),
        mb(anchor.rssMb),
        `≤ ${TARGETS.rssPostgres} MB`,
        (f) => (f.rssPostgresMb ?? Infinity) <= TARGETS.rssPostgres,
      ],
    ];
    console.log(
      `| What | ${before ? 'before | ' : ''}figure | bare Fastify | × anchor | target | met |\n|---|${before ? '---|' : ''}---|---|---|---|---|`,
    );
    const ratio = (f: Figures, i: number) => {
      const v = [f.coldS, f.warmS, f.rssEmbeddedMb, f.rssPostgresMb][i];
      const a = i < 2 ? anchor.seconds : anchor.rssMb;
      return v === undefined ? '—' : `${(v / a).toFixed(1)}×`;
    };
    rows.forEach(([name, fig, anchorText, target, met], i) => {
      if (i === 3 && !cluster) return;
      console.log(
        `| ${name} | ${before ? `${fig(before)} | ` : ''}${fig(after)} | ${anchorText} | ${ratio(after, i)} | ${target} | ${met(after) ? 'yes' : 'no'} |`,
      );
    });
  } finally {
    cluster?.stop();
  }
}
