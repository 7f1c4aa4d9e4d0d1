import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

// `npm test`: everything, in order — system packages, typecheck, lint, unit tests, the
// OpenAPI lint, the integration suite on PGlite and on a PostgreSQL server started here, and the browser
// journeys. Ends with one SUMMARY line; exits non-zero when anything failed.

const root = path.resolve(import.meta.dirname, '..');
const reportDir = path.join(root, 'test-results');
const started = Date.now();

interface Step {
  name: string;
  ok: boolean;
  seconds: number;
  tests?: { passed: number; failed: number };
  note?: string;
}
const steps: Step[] = [];

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function pgInstalled(): boolean {
  return (
    [
      '/usr/lib/postgresql/15/bin/initdb',
      '/usr/lib/postgresql/16/bin/initdb',
      '/usr/lib/postgresql/17/bin/initdb',
    ].some(existsSync) || has('initdb')
  );
}

/** Installs chromium and PostgreSQL with apt when missing and allowed (root); else explains. */
function ensureSystemPackages(): Step {
  const t0 = Date.now();
  const missing: string[] = [];
  if (!has('chromium') && !existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!pgInstalled()) missing.push('postgresql');
  if (!has('pdftoppm')) missing.push('poppler-utils');
  if (missing.length === 0) return { name: 'system packages', ok: true, seconds: 0, note: 'present' };
  const root = process.getuid?.() === 0;
  if (!root || !has('apt-get')) {
    return {
      name: 'system packages',
      ok: false,
      seconds: 0,
      note: `missing ${missing.join(', ')}: install them (e.g. sudo apt-get install -y ${missing.join(' ')})`,
    };
  }
  console.log(`\n▶ Installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
  return {
    name: 'system packages',
    ok: update.status === 0 && install.status === 0,
    seconds: (Date.now() - t0) / 1000,
    note: `installed ${missing.join(', ')}`,
  };
}

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Step> {
  console.log(`\n▶ ${name}`);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => resolve({ name, ok: code === 0, seconds: (Date.now() - t0) / 1000 }));
  });
}

async function vitest(name: string, project: string, env: NodeJS.ProcessEnv = {}): Promise<Step> {
  const report = path.join(reportDir, `${name.replace(/\W+/g, '-')}.json`);
  rmSync(report, { force: true });
  const step = await run(
    name,
    process.execPath,
    [
      path.join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    env,
  );
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numTotalTests: number;
    };
    step.tests = { passed: json.numPassedTests, failed: json.numFailedTests };
    if (json.numTotalTests === 0) {
      step.ok = false;
      step.note = 'no tests ran';
    }
  }
  return step;
}

async function main(): Promise<void> {
  mkdirSync(reportDir, { recursive: true });
  const only = process.argv.slice(2);
  const want = (s: string) => only.length === 0 || only.includes(s);

  const sys = ensureSystemPackages();
  steps.push(sys);
  const bin = path.join(root, 'node_modules/.bin');
  if (want('format'))
    steps.push(
      await run('format (prettier --check)', path.join(bin, 'prettier'), [
        '--check',
        '.',
        '--log-level',
        'warn',
      ]),
    );
  if (want('typecheck')) steps.push(await run('typecheck', path.join(bin, 'tsc'), ['-p', '.']));
  if (want('lint')) steps.push(await run('lint', path.join(bin, 'eslint'), ['.', '--max-warnings=0']));
  if (want('drift'))
    steps.push(
      await run('schema drift', process.execPath, [
        path.join(bin, '../tsx/dist/cli.mjs'),
        'scripts/check-drift.ts',
      ]),
    );
  if (want('deps'))
    steps.push(
      await run('dependencies (offline advisory check)', process.execPath, [
        path.join(bin, '../tsx/dist/cli.mjs'),
        'scripts/check-deps.ts',
      ]),
    );
  if (want('openapi'))
    steps.push(
      await run('OpenAPI (redocly lint, typed client fresh)', process.execPath, [
        path.join(bin, '../tsx/dist/cli.mjs'),
        'scripts/openapi.ts',
        '--check',
      ]),
    );
  if (want('unit')) steps.push(await vitest('unit', 'unit'));
  if (want('pglite'))
    steps.push(await vitest('integration on PGlite', 'integration', { TEST_DATABASE: 'pglite' }));
  if (want('postgres')) {
    let cluster: PgCluster | undefined;
    try {
      cluster = await startPgCluster();
      steps.push(
        await vitest('integration on PostgreSQL', 'integration', {
          TEST_DATABASE: 'postgres',
          TEST_DATABASE_URL: cluster.url,
        }),
      );
    } catch (e) {
      steps.push({
        name: 'integration on PostgreSQL',
        ok: false,
        seconds: 0,
        note: e instanceof Error ? e.message : String(e),
      });
    } finally {
      cluster?.stop();
    }
  }
  if (want('e2e')) steps.push(await vitest('browser journeys', 'e2e'));

  console.log('\n──────── Results');
  for (const s of steps) {
    const tests = s.tests
      ? ` — ${s.tests.passed} passed${s.tests.failed ? `, ${s.tests.failed} failed` : ''}`
      : '';
    console.log(
      `${s.ok ? 'PASS' : 'FAIL'}  ${s.name} (${s.seconds.toFixed(1)} s)${tests}${s.note ? ` — ${s.note}` : ''}`,
    );
  }
  const failed = steps.filter((s) => !s.ok);
  const passedTests = steps.reduce((n, s) => n + (s.tests?.passed ?? 0), 0);
  const failedTests = steps.reduce((n, s) => n + (s.tests?.failed ?? 0), 0);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `SUMMARY: ${failed.length === 0 ? 'PASSED' : 'FAILED'} — ${steps.length - failed.length}/${steps.length} steps passed, ` +
      `${passedTests} tests passed, ${failedTests} failed, in ${seconds} s`,
  );
  process.exitCode = failed.length === 0 ? 0 : 1;
}

void main();
