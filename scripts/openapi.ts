import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/open-database.ts';
import { FileStore } from '../src/platform/storage/file-store.ts';
import { buildApp } from '../src/web/app.ts';

// The OpenAPI document as the running app serves it (built from the routes' own zod schemas),
// written to a file; with --check, linted by Redocly with the recommended rules (0 errors,
// 0 warnings) and compared with the typed client's types (tests/api-client/terbuka-api.d.ts,
// made by openapi-typescript): a route whose contract changed without regenerating fails here.
//   npx tsx scripts/openapi.ts            writes test-results/openapi.json and regenerates the types
//   npx tsx scripts/openapi.ts --check    lint + compare (a step of npm test)

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const typesFile = path.join(root, 'tests/api-client/terbuka-api.d.ts');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

async function documentJson(): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-openapi-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SECRET_KEY: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DATA_DIR: dataDir,
    RUN_WORKER: 'false',
    PUBLIC_URL: 'https://ppid.example.go.id',
  });
  const database = await openDatabase({ kind: 'pglite-memory' });
  const app = await buildApp({
    config,
    database,
    clock: systemClock,
    files: new FileStore(path.join(dataDir, 'files'), config.dataKeys),
  });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function typesOf(docPath: string, out: string): void {
  const r = spawnSync(bin('openapi-typescript'), [docPath, '-o', out], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openapi-typescript failed:\n${r.stdout}${r.stderr}`);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'terbuka-openapi-doc-'));
try {
  const docPath = check ? path.join(tmp, 'openapi.json') : path.join(root, 'test-results/openapi.json');
  if (!check) spawnSync('mkdir', ['-p', path.dirname(docPath)]);
  writeFileSync(docPath, await documentJson());
  if (!check) {
    typesOf(docPath, typesFile);
    console.log(`wrote ${path.relative(root, docPath)} and ${path.relative(root, typesFile)}`);
  } else {
    const lint = spawnSync(bin('redocly'), ['lint', '--extends=recommended', '--max-problems=200', docPath], {
      cwd: root,
      encoding: 'utf8',
    });
    const said = `${lint.stdout}${lint.stderr}`;
    process.stdout.write(said);
    const warnings = /(\d+) warnings?/.exec(said);
    if (lint.status !== 0) throw new Error('redocly lint found errors');
    if (warnings && Number(warnings[1]) > 0) throw new Error(`redocly lint: ${warnings[1]} warnings`);
    const fresh = path.join(tmp, 'terbuka-api.d.ts');
    typesOf(docPath, fresh);
    if (readFileSync(fresh, 'utf8') !== readFileSync(typesFile, 'utf8')) {
      throw new Error(
        'the API changed: tests/api-client/terbuka-api.d.ts is stale — run `npx tsx scripts/openapi.ts` and commit it',
      );
    }
    console.log('OpenAPI: lint clean, typed client up to date');
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
