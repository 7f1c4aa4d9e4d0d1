// `npm run bench -- <name>`: runs bench/<name>.ts. Benchmarks print figures (and ratios
// between the two databases); tests never assert timings.
import path from 'node:path';
import { readdirSync } from 'node:fs';

const here = import.meta.dirname;
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.replace(/\.ts$/, ''));
const name = process.argv[2];
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <${available.join('|')}>`);
  process.exit(2);
}
const mod = (await import(path.join(here, `${name}.ts`))) as { main: (args: string[]) => Promise<void> };
await mod.main(process.argv.slice(3));
