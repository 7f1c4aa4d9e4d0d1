#!/usr/bin/env node
// Runs `npm run build` when dist/ is missing or older than src/ (a fresh clone, a pull, an
// edit), so `npm install && npm start` works on a fresh machine and a warm start stays fast.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from './dist-fresh.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!distIsFresh(root)) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
