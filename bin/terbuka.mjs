#!/usr/bin/env node
// Runs the Terbuka CLI on the project's own Node 24, whichever Node started this shim: the
// built dist/cli.js when it is built from the current src/ (npm start builds it), else
// src/cli.ts with tsx.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from './dist-fresh.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let node = process.execPath;
const ownNode = path.join(root, 'node_modules', 'node', 'bin', 'node');
if (existsSync(ownNode)) node = ownNode;
const args = distIsFresh(root)
  ? [path.join(root, 'dist', 'cli.js')]
  : ['--import', require.resolve('tsx', { paths: [root] }), path.join(root, 'src', 'cli.ts')];
const result = spawnSync(node, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
