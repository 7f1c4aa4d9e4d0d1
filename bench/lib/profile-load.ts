// Ad-hoc profiling helper (not a benchmark): against the database of profile-run.ts, starts
// src/main.ts under `node --cpu-prof` and loads the named routes; the profile lands in
// /tmp/i16prof/cpu. `npx tsx bench/lib/profile-load.ts "$(cat env.json)" dip,portal,worklist`
import { load } from './load.ts';
import { BENCH_KEYS } from './servers.ts';
import { spawn } from 'node:child_process';
import { freePort } from '../../scripts/pg-cluster.ts';
const env = JSON.parse(process.argv[2]!) as {
  url: string;
  dataDir: string;
  cookie: string;
  requestId: string;
  keys?: typeof BENCH_KEYS;
};
const port = await freePort();
const child = spawn(
  process.execPath,
  [
    '--cpu-prof',
    '--cpu-prof-dir=/tmp/i16prof/cpu',
    ...(process.env.PROFILE_TSX ? ['--import', 'tsx', 'src/main.ts'] : ['dist/main.js']),
  ],
  {
    env: {
      ...process.env,
      ...BENCH_KEYS,
      ...env.keys,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      RUN_WORKER: 'false',
      TRUST_PROXY: '127.0.0.1',
      DATABASE_URL: env.url,
      DATA_DIR: env.dataDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
await new Promise<void>((r) =>
  child.stdout!.on('data', (d: Buffer) => {
    if (d.toString().includes('listening')) r();
  }),
);
const paths: Record<string, string> = {
  dip: '/kpu-kota-bandung/dip',
  portal: '/kpu-kota-bandung',
  search: '/dip?q=pengadaan',
  worklist: '/staff/kpu-kota-bandung/permohonan',
  request: `/staff/kpu-kota-bandung/permohonan/${env.requestId}`,
};
for (const name of (process.argv[3] ?? 'dip').split(',')) {
  const r = await load({
    port,
    clients: 16,
    seconds: 6,
    warmupSeconds: 1,
    next: () => ({ path: paths[name]!, headers: { cookie: `tbk_session=${env.cookie}` } }),
  });
  console.log(name, r.rps.toFixed(0), r.p95.toFixed(0), r.errors, r.firstError ?? '');
}
child.kill('SIGINT');
await new Promise((r) => child.once('exit', r));
