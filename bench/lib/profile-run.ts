// Ad-hoc profiling helper (not a benchmark): starts PostgreSQL with generated data and keeps it
// running; prints the URL. `npx tsx bench/lib/profile-run.ts` — stop with Ctrl-C.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPgCluster } from '../../scripts/pg-cluster.ts';
import { fillDip, fillRequests, sessionFor } from './data.ts';
import { request } from './load.ts';
import { BENCH_KEYS, startTerbuka } from './servers.ts';

const cluster = await startPgCluster();
const admin = new pg.Client({ connectionString: cluster.url });
await admin.connect();
await admin.query('CREATE DATABASE terbuka_bench');
await admin.end();
const url = cluster.url.replace(/\/postgres$/, '/terbuka_bench');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-prof-'));
const first = await startTerbuka({ DATABASE_URL: url, DATA_DIR: dataDir, SEED_DEMO: 'true' });
const db = new pg.Client({ connectionString: url });
await db.connect();
await fillDip(db, Number(process.env.PER_OFFICE ?? 40));
const res = await request(first.port, {
  method: 'POST',
  path: '/api/v1/offices/kpu-kota-bandung/requests',
  headers: { 'x-forwarded-for': '10.0.0.1' },
  body: JSON.stringify({
    requesterType: 'PERORANGAN',
    name: 'Pemohon',
    nik: '3273010501900001',
    address: 'Jl. Asia Afrika No. 1',
    email: 'a@b.test',
    informationRequested: 'Daftar TPS.',
    purpose: 'Uji.',
    category: 'TAHAPAN_PEMILU',
    accessMethods: ['SALINAN_SOFTCOPY'],
    deliveryMethod: 'EMAIL',
    consent: true,
  }),
});
const {
  rows: [t],
} = await db.query<{ id: string }>('select id from requests where number = $1', [
  (JSON.parse(res.body) as { number: string }).number,
]);
await fillRequests(db, t!.id, 10_000);
console.log(
  JSON.stringify({
    url,
    dataDir,
    cookie: await sessionFor(db, 'ppid.bandung@demo.terbuka.test'),
    requestId: t!.id,
    keys: BENCH_KEYS,
  }),
);
await db.end();
await first.stop();
process.on('SIGTERM', () => {
  cluster.stop();
  process.exit(0);
});
process.on('SIGINT', () => {
  cluster.stop();
  process.exit(0);
});
setInterval(() => undefined, 1 << 30);
