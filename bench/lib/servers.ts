import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../scripts/pg-cluster.ts';

// Servers the benchmarks start as child processes: the bare Fastify anchor and Terbuka itself
// (`node dist/main.js` when built, else `tsx src/main.ts` — so an older checkout can be
// measured with the same harness: BENCH_SERVER_DIR=/path/to/checkout).

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface Child {
  port: number;
  pid: number;
  /** Milliseconds from spawn to listening. */
  startMs: number;
  output(): string;
  stop(): Promise<void>;
}

async function startChild(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string>; ready: string; port: number },
): Promise<Child> {
  const t0 = performance.now();
  const child: ChildProcess = spawn(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let bytes = 0;
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      bytes += d.length;
      if (out.length < 20_000) out += d.toString();
      if (out.includes(opts.ready)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${out.slice(-3000)}`)),
    );
  });
  const startMs = performance.now() - t0;
  child.removeAllListeners('exit');
  return {
    port: opts.port,
    pid: child.pid!,
    startMs,
    output: () => `${out.slice(0, 2000)}… (${bytes} bytes of output)`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function startBare(): Promise<Child> {
  const port = await freePort();
  return startChild(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'bench/lib/bare-server.ts'), String(port)],
    { cwd: repoRoot, env: {}, ready: 'listening', port },
  );
}

/** Fresh keys per run; BENCH_SECRET_KEY / BENCH_DATA_ENCRYPTION_KEY reuse a profiling database's. */
export const BENCH_KEYS = {
  SECRET_KEY: process.env.BENCH_SECRET_KEY ?? randomBytes(32).toString('hex'),
  DATA_ENCRYPTION_KEY: process.env.BENCH_DATA_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
};

/** Builds dist/ when it is older than src/ (as `npm start` does). */
export function ensureBuilt(): void {
  if (process.env.BENCH_SERVER_DIR) return;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/build-if-stale.mjs')], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('build failed');
}

/** Terbuka as production runs it (logging at info to a pipe, no worker in the web process). */
export async function startTerbuka(
  env: Record<string, string>,
  dir = process.env.BENCH_SERVER_DIR ?? repoRoot,
): Promise<Child> {
  const port = await freePort();
  const built = existsSync(path.join(dir, 'dist/main.js'));
  // The young generation capped as `npm start` caps it (ADR 0111, round 2).
  const args = [
    '--max-semi-space-size=2',
    ...(built ? [path.join(dir, 'dist/main.js')] : ['--import', 'tsx', path.join(dir, 'src/main.ts')]),
  ];
  return startChild(process.execPath, args, {
    cwd: dir,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      RUN_WORKER: 'false',
      TRUST_PROXY: '127.0.0.1',
      SEED_DEMO: 'false',
      ...BENCH_KEYS,
      ...env,
    },
    ready: 'Terbuka is listening',
    port,
  });
}

/** Resident set size of a process, in MB (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}
