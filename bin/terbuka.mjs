#!/usr/bin/env node
// Runs the Terbuka CLI (src/cli.ts) on the project's own Node 24 with tsx, whichever Node
// started this shim.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let node = process.execPath;
const ownNode = path.join(root, 'node_modules', 'node', 'bin', 'node');
if (existsSync(ownNode)) node = ownNode;
const tsx = require.resolve('tsx', { paths: [root] });
const result = spawnSync(node, ['--import', tsx, path.join(root, 'src', 'cli.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
