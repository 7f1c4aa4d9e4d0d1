import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPgCluster } from '../scripts/pg-cluster.ts';
import { fillDip, fillRequests, rawCommitRate, sessionFor } from './lib/data.ts';
import { bodyOf, ip } from './lib/intake-body.ts';
import { load, request, type LoadRequest, type LoadResult } from './lib/load.ts';
import { ensureBuilt, rssMb, startBare, startTerbuka, type Child } from './lib/servers.ts';

// The whole performance suite in one run, each figure next to its anchor measured in the
// same run on the same machine (ADR 0057):
//   pages, search, staff  → a bare Fastify HTML route at the same concurrency;
//   intake                → a raw `pg` INSERT + COMMIT loop at the same concurrency;
//   one-client search     → a count(*) scan of the DIP table;
//   start                 → absolute seconds and MB (the targets are absolute).
// `npm run bench` (small, < 5 min) · `npm run bench -- --national` (1.1M entries, 1M requests).
// BENCH_SERVER_DIR=<checkout> measures another checkout (e.g. the code before a change).
// BENCH_BEFORE_DIR=<built checkout> measures that checkout too, in the same run on the same
// database, each route right before this one: the table gets a "before" ratio column.

const CLIENTS = 32;
const OFFICE = 'kpu-kota-bandung';
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

interface Row {
  name: string;
  /** The same figure for BENCH_BEFORE_DIR's server, measured just before (ratio). */
  before?: string;
  figure: string;
  anchor: string;
  ratio: string;
  target: string;
  met: boolean | undefined;
}

const rows: Row[] = [];
const pct = (ratio: number) => `${(ratio * 100).toFixed(ratio < 0.01 ? 2 : 1)}%`;
const fmtRate = (r: LoadResult) =>
  `${r.rps.toFixed(0)} req/s, p95 ${r.p95.toFixed(1)} ms${r.errors ? `, ${r.errors} errors` : ''}`;

function add(
  name: string,
  figure: string,
  anchor: string,
  ratio: number | undefined,
  target: string,
  met: boolean | undefined,
  before?: number,
): void {
  rows.push({
    name,
    ...(before === undefined ? {} : { before: pct(before) }),
    figure,
    anchor,
    ratio: ratio === undefined ? '' : pct(ratio),
    target,
    met,
  });
  console.log(`  ${name}: ${figure} (anchor ${anchor})`);
}

async function startSeconds(national: boolean): Promise<void> {
  // Embedded database: first start on an empty data directory (migrations, 553 offices,
  // holidays, demo data), then a warm start; time to the first page answered; idle RSS.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-bench-start-'));
  try {
    const env = { NODE_ENV: 'development', DATA_DIR: dir, SEED_DEMO: 'true' };
    for (const label of ['cold', 'warm'] as const) {
      const t0 = performance.now();
      const server = await startTerbuka(env);
      const first = await request(server.port, { path: `/${OFFICE}` });
      const ms = performance.now() - t0;
      if (first.status !== 200) throw new Error(`first page answered ${first.status}`);
      const target = label === 'cold' ? 6 : 1.5;
      add(
        `start ${label}, first page (embedded DB)`,
        `${(ms / 1000).toFixed(2)} s`,
        '—',
        undefined,
        `≤ ${target} s`,
        ms / 1000 <= target,
      );
      if (label === 'warm') {
        await new Promise((r) => setTimeout(r, 3000));
        const rss = rssMb(server.pid);
        add('idle RSS (embedded DB)', `${rss.toFixed(0)} MB`, '—', undefined, '≤ 400 MB', rss <= 400);
      }
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  void national;
}

export async function main(args: string[]): Promise<void> {
  const national = args.includes('--national');
  const seconds = national ? 10 : 3;
  const perOffice = national ? 2000 : 40;
  const openRequests = 10_000;
  const nationalRequestsPerOffice = national ? 1800 : 0;
  const t00 = performance.now();
  console.log(
    `Terbuka performance suite (${national ? 'national size' : 'small size'}): ${CLIENTS} clients, ${seconds} s per figure\n`,
  );

  ensureBuilt();
  const cluster = await startPgCluster();
  const children: Child[] = [];
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE terbuka_bench');
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, '/terbuka_bench');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-bench-data-'));

    // First start migrates and seeds (the demo accounts give the staff pages a user).
    const first = await startTerbuka({
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      DATABASE_POOL_MAX: '10',
    });
    children.push(first);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const t0 = performance.now();
    const entries = await fillDip(db, perOffice);
    const submitted = await request(first.port, {
      method: 'POST',
      path: `/api/v1/offices/${OFFICE}/requests`,
      body: bodyOf(0),
      headers: ip(1),
    });
    if (submitted.status !== 201) throw new Error(`submit answered ${submitted.status}: ${submitted.body}`);
    const number = (JSON.parse(submitted.body) as { number: string }).number;
    const {
      rows: [template],
    } = await db.query<{ id: string }>(`select id from requests where number = $1`, [number]);
    const templateId = template!.id;
    await fillRequests(db, templateId, openRequests, nationalRequestsPerOffice);
    const {
      rows: [counts],
    } = await db.query<{ entries: number; requests: number }>(
      `select (select count(*)::int from dip_version_entries) as entries, (select count(*)::int from requests) as requests`,
    );
    console.log(
      `data: ${counts!.entries.toLocaleString('en')} DIP entries (${entries.toLocaleString('en')} generated), ${counts!.requests.toLocaleString('en')} requests, in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const {
      rows: [entry],
    } = await db.query<{ entry_key: string; year: number }>(
      `select e.entry_key, e.year from dip_version_entries e join offices o on o.id = e.office_id where o.slug = $1 and e.current order by e.position limit 1`,
      [OFFICE],
    );
    const cookie = `tbk_session=${await sessionFor(db, 'ppid.bandung@demo.terbuka.test')}`;
    await first.stop();
    children.pop();

    const bare = await startBare();
    children.push(bare);
    const beforeDir = process.env.BENCH_BEFORE_DIR;
    const before = beforeDir
      ? await startTerbuka({ DATABASE_URL: url, DATA_DIR: dataDir, DATABASE_POOL_MAX: '10' }, beforeDir)
      : undefined;
    if (before) children.push(before);
    const server = await startTerbuka({ DATABASE_URL: url, DATA_DIR: dataDir, DATABASE_POOL_MAX: '10' });
    children.push(server);
    if (before) console.log(`before: ${beforeDir}, measured right before each figure`);
    add(
      'idle RSS (PostgreSQL)',
      `${rssMb(server.pid).toFixed(0)} MB`,
      '—',
      undefined,
      '≤ 150 MB',
      rssMb(server.pid) <= 150,
    );

    const anchor = await load({
      port: bare.port,
      clients: CLIENTS,
      seconds,
      warmupSeconds: 1,
      next: () => ({ path: '/' }),
    });
    const anchorText = `${anchor.rps.toFixed(0)} req/s`;
    console.log(`anchor: bare Fastify ${fmtRate(anchor)}`);

    const page = async (
      name: string,
      next: (i: number) => LoadRequest,
      minRatio: number,
      p95Max?: number,
    ) => {
      const b = before
        ? await load({ port: before.port, clients: CLIENTS, seconds, warmupSeconds: 1, next })
        : undefined;
      const r = await load({ port: server.port, clients: CLIENTS, seconds, warmupSeconds: 1, next });
      const ratio = r.rps / anchor.rps;
      const met = r.errors === 0 && ratio >= minRatio && (p95Max === undefined || r.p95 <= p95Max);
      add(
        name,
        fmtRate(r),
        anchorText,
        ratio,
        `≥ ${minRatio * 100}%${p95Max ? `, p95 ≤ ${p95Max} ms` : ''}`,
        met,
        b && b.rps / anchor.rps,
      );
      if (b) console.log(`    before: ${fmtRate(b)}`);
      if (r.firstError) console.log(`    first error: ${r.firstError}`);
    };
    await page('office DIP page', () => ({ path: `/${OFFICE}/dip` }), 0.3, 20);
    await page('office portal page', () => ({ path: `/${OFFICE}` }), 0.3, 20);
    await page(
      'DIP entry page',
      () => ({ path: `/${OFFICE}/dip/${entry!.year}/${entry!.entry_key}` }),
      0.3,
      20,
    );
    await page(
      'national search page /dip?q=',
      (i) => ({ path: `/dip?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}` }),
      0.1,
    );
    await page(
      'national search API',
      (i) => ({
        path: `/api/v1/dip/entries?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}`,
        headers: ip(i),
      }),
      0.1,
    );

    // One client: the latency a visitor sees, next to a count(*) scan of the DIP table.
    const scans: number[] = [];
    for (let k = 0; k < 5; k++) {
      const s0 = performance.now();
      await db.query('select count(*) from dip_version_entries');
      scans.push(performance.now() - s0);
    }
    scans.sort((a, b) => a - b);
    const scan = scans[2]!;
    for (const [name, make] of [
      [
        'national search page, 1 client',
        (i: number) => ({ path: `/dip?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}` }),
      ],
      [
        'national search API, 1 client',
        (i: number) => ({
          path: `/api/v1/dip/entries?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}`,
          headers: ip(i),
        }),
      ],
    ] as const) {
      const r = await load({
        port: server.port,
        clients: 1,
        seconds: Math.min(seconds, 4),
        warmupSeconds: 1,
        next: make,
      });
      add(
        name,
        `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`,
        `count(*) scan ${scan.toFixed(1)} ms`,
        r.p95 / scan,
        'p95 ≤ 20 ms',
        r.errors === 0 && r.p95 <= 20,
      );
    }

    await page(
      `staff worklist (${openRequests.toLocaleString('en')} open)`,
      () => ({ path: `/staff/${OFFICE}/permohonan`, headers: { cookie } }),
      0.1,
    );
    await page(
      'staff request page',
      () => ({ path: `/staff/${OFFICE}/permohonan/${templateId}`, headers: { cookie } }),
      0.1,
    );

    // Intake: the raw commit rate at the same concurrency, then the API over 100 offices and
    // into one office; afterwards every office's numbers must run 1..n without a gap or twin.
    const raw = await rawCommitRate(url, CLIENTS, seconds);
    const { rows: offices } = await db.query<{ slug: string }>(
      `select slug from offices where active order by code limit 100`,
    );
    for (const [name, slugOf] of [
      ['intake over 100 offices', (i: number) => offices[i % offices.length]!.slug],
      ['intake into one office', () => OFFICE],
    ] as const) {
      const submit = (port: number, from: number) =>
        load({
          port,
          clients: CLIENTS,
          seconds,
          next: (i) => ({
            method: 'POST',
            path: `/api/v1/offices/${slugOf(i)}/requests`,
            body: bodyOf(i + from),
            headers: ip(i + from),
          }),
        });
      const b = before ? await submit(before.port, 1 << 20) : undefined;
      const r = await submit(server.port, 0);
      const ratio = r.rps / raw;
      add(
        name,
        fmtRate(r),
        `raw INSERT+COMMIT ${raw.toFixed(0)}/s`,
        ratio,
        '≥ 50%',
        r.errors === 0 && ratio >= 0.5,
        b && b.rps / raw,
      );
      if (r.firstError) console.log(`    first error: ${r.firstError}`);
    }
    const {
      rows: [check],
    } = await db.query<{ bad: number; dups: number }>(`
      select (select count(*)::int from (select office_id, year, count(*) as n, min(seq) as lo, max(seq) as hi from requests where seq < 100000 group by 1, 2) s where lo <> 1 or hi <> n) as bad,
             (select count(*)::int - count(distinct (office_id, number))::int from requests) as dups`);
    add(
      'intake numbering',
      `${check!.dups} duplicates, ${check!.bad} offices with a gap`,
      '—',
      undefined,
      '0 and 0',
      check!.dups === 0 && check!.bad === 0,
    );
    await db.end();
    for (const c of children.splice(0).reverse()) await c.stop();
    rmSync(dataDir, { recursive: true, force: true });
  } finally {
    for (const c of children.reverse()) await c.stop().catch(() => undefined);
    cluster.stop();
  }

  // --no-start leaves out the embedded-DB start-up figures (minutes on a loaded machine).
  if (!args.includes('--no-start')) await startSeconds(national);

  const w = [40, 34, 26, 9, 22] as const;
  const withBefore = rows.some((r) => r.before !== undefined);
  const beforeCol = (text: string) => (withBefore ? `${text.padEnd(w[3])} ` : '');
  console.log(
    `\n${'what'.padEnd(w[0])} ${'Terbuka'.padEnd(w[1])} ${'anchor (same run)'.padEnd(w[2])} ${beforeCol('before')}${'ratio'.padEnd(w[3])} ${'target'.padEnd(w[4])} met`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(w[0])} ${r.figure.padEnd(w[1])} ${r.anchor.padEnd(w[2])} ${beforeCol(r.before ?? '')}${r.ratio.padEnd(w[3])} ${r.target.padEnd(w[4])} ${r.met === undefined ? '' : r.met ? 'yes' : 'NO'}`,
    );
  }
  console.log(`\n(${((performance.now() - t00) / 1000).toFixed(0)} s in all)`);
}
