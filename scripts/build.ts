import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// `npm run build`: src/ → dist/ as plain JavaScript, one file per module (no bundle), so every
// `import.meta.url` keeps its depth and the files beside it (office and holiday CSVs, assets,
// ../../../db/migrations) resolve from dist/ exactly as from src/. Relative `.ts`/`.tsx`
// imports become `.js`; everything that is not TypeScript is copied as it is. Tests are left
// out. `npm start`, the worker and the CLI run dist/ with plain node (ADR 0058).

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const out = path.join(root, 'dist');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

const t0 = performance.now();
const files = walk(src);
const isTs = (f: string) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts');
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: files.filter(isTs),
  outdir: out,
  outbase: src,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: 'linked',
  logLevel: 'warning',
  write: true,
});
// esbuild keeps import paths as written: point relative TypeScript imports at the .js files.
const relativeTs = /((?:\bfrom|\bimport)\s*\(?\s*)(["'])(\.{1,2}\/[^"']+?)\.tsx?\2/g;
let rewritten = 0;
for (const f of walk(out).filter((x) => x.endsWith('.js'))) {
  const text = readFileSync(f, 'utf8');
  const next = text.replace(
    relativeTs,
    (_m, pre: string, q: string, p: string) => (rewritten++, `${pre}${q}${p}.js${q}`),
  );
  if (next !== text) writeFileSync(f, next);
}
let copied = 0;
for (const f of files.filter((x) => !/\.tsx?$/.test(x))) {
  const target = path.join(out, path.relative(src, f));
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(f, target);
  copied++;
}
// The newest source time, for `start`'s "build only when stale" check (bin/build-if-stale.mjs).
const newest = Math.max(...files.map((f) => statSync(f).mtimeMs));
writeFileSync(path.join(out, '.build.json'), JSON.stringify({ newestSourceMs: newest, files: files.length }));
console.log(
  `Built ${files.filter(isTs).length} modules to dist/ (${rewritten} imports rewritten, ${copied} files copied) in ${Math.round(performance.now() - t0)} ms`,
);
