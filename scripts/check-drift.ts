import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Schema-vs-migration drift: drizzle-kit generates into a copy of db/migrations; if it has
// anything to write, a schema.ts was changed without its migration. Exit 1 naming the SQL.

const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'terbuka-drift-'));
const out = path.join(tmp, 'migrations');
try {
  cpSync(path.join(root, 'db/migrations'), out, { recursive: true });
  const before = new Set(readdirSync(out));
  // The project's own drizzle.config.ts, with only the output folder changed.
  const config = path.join(root, `.drizzle-drift-${process.pid}.config.ts`);
  writeFileSync(
    config,
    `import base from './drizzle.config.ts';\nexport default { ...base, out: ${JSON.stringify(path.relative(root, out))} };\n`,
  );
  let result;
  try {
    result = spawnSync(
      path.join(root, 'node_modules/.bin/drizzle-kit'),
      ['generate', '--config', config, '--name', 'drift'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
  } finally {
    rmSync(config, { force: true });
  }
  const said = `${result.stdout}${result.stderr}`;
  const added = readdirSync(out).filter((f) => !before.has(f) && f.endsWith('.sql'));
  if (added.length === 0 && !/No schema changes/i.test(said)) {
    console.error(said);
    console.error('drift check: drizzle-kit generate did not answer as expected');
    process.exit(2);
  }
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    console.error('drift check: drizzle-kit generate failed');
    process.exit(2);
  }
  if (added.length > 0) {
    console.error(
      `drift check: the schema differs from the migrations; run \`npm run db:generate\`. It would write ${added.join(', ')}.`,
    );
    process.exit(1);
  }
  console.log('drift check: schema and migrations agree');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
