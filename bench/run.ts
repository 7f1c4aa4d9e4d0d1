import { readdirSync } from 'node:fs';
import path from 'node:path';

// `npm run bench -- <name>` runs bench/<name>.ts. Benchmarks print their figures (as ratios
// measured in one run, because the machine is shared); tests never assert timings.
const name = process.argv[2];
const available = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.log(`Usage: npm run bench -- <${available.join('|')}>`);
  process.exit(name ? 1 : 0);
}
process.argv.splice(2, 1);
await import(path.join(import.meta.dirname, `${name}.ts`));
