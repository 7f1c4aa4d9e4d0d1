import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/pg-cluster.ts';

export interface RunningServer {
  url: string;
  output: () => string;
  credentials: Map<string, string>;
  pid: number;
  stop(): Promise<void>;
  /** Kills the process with SIGKILL (no shutdown at all) and waits until it is gone. */
  kill(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Starts the real service as `npm start` does (src/main.ts under tsx) on a fresh data
 * directory, waits until it listens, and reads the demo credentials it prints once.
 */
export async function startServer(
  env: Record<string, string> = {},
  opts: { dataDir?: string; startTimeoutMs?: number } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'terbuka-e2e-'));
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const ms = opts.startTimeoutMs ?? 120_000;
    const timer = setTimeout(() => reject(new Error(`Server did not start in ${ms / 1000} s:\n${out}`)), ms);
    const check = setInterval(() => {
      if (out.includes('Terbuka is listening')) {
        clearTimeout(timer);
        clearInterval(check);
        resolve();
      }
    }, 100);
    child.on('exit', (code) => {
      clearTimeout(timer);
      clearInterval(check);
      reject(new Error(`Server exited with ${code}:\n${out}`));
    });
  });
  const credentials = new Map<string, string>();
  for (const m of out.matchAll(/^\s+(\S+@demo\.terbuka\.test)\s+(\S+)\s/gm)) credentials.set(m[1]!, m[2]!);
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    credentials,
    pid: child.pid!,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
