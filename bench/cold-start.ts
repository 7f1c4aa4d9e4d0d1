import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../scripts/pg-cluster.ts';

// Cold start of a fresh clone: `npm ci` (with the machine's npm cache, as a newcomer's second
// project would have) and the first `npm start` on an empty data directory (migrations,
// 553 offices, holidays, demo accounts) until it listens; then a warm restart.
const root = path.resolve(import.meta.dirname, '..');

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

async function startUntilListening(cwd: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    cwd,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Terbuka is listening')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited ${code}: ${out}`)));
  });
  const elapsed = performance.now() - t0;
  child.removeAllListeners('exit');
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return elapsed;
}

export async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'terbuka-clone-'));
  try {
    const clone = path.join(work, 'terbuka');
    execFileSync('git', ['clone', '--quiet', root, clone]);
    const t0 = performance.now();
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: clone,
      stdio: 'inherit',
    });
    const install = performance.now() - t0;
    const first = await startUntilListening(clone);
    const warm = await startUntilListening(clone);
    console.log(`npm ci (warm npm cache):            ${seconds(install)} s`);
    console.log(`first npm start (empty data dir):   ${seconds(first)} s`);
    console.log(`second npm start (existing data):   ${seconds(warm)} s`);
    console.log(`first start / warm start:           ${(first / warm).toFixed(2)}×`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
