// `npm run bench` runs the whole suite (bench/suite.ts) at a small size and prints one table;
// `npm run bench -- --national` runs it at full national size; `npm run bench -- <name> [args]`
// runs bench/<name>.ts alone. Benchmarks print figures and ratios to anchors measured in the
// same run; they never assert timings.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.replace(/\.ts$/, ''));
const first = process.argv[2];
const name = !first || first.startsWith('--') ? 'suite' : first;
const rest = !first || first.startsWith('--') ? process.argv.slice(2) : process.argv.slice(3);
if (!available.includes(name)) {
  console.error(
    `Usage: npm run bench [-- --national] | npm run bench -- <name>\nAvailable: ${available.join(', ')}`,
  );
  process.exit(2);
}
const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as {
  main: (args: string[]) => Promise<void>;
};
await mod.main(rest);
