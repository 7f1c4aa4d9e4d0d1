import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { Project } from 'ts-morph';

// Slices src/web by feature (ADR 0078): moves the files of src/web/{staff,public,api,components}
// into src/web/<feature>/ as scripts/codemods/slice-web.map.json says, and rewrites every
// relative import (static, dynamic, `import type`, re-exports) in src, tests, bench and scripts,
// plus the paths named in eslint.config.js and the docs.
//
//   npx tsx scripts/codemods/slice-web.ts          # move and rewrite
//   npx tsx scripts/codemods/slice-web.ts --dry    # print the plan, change nothing
//
// Re-runnable: a file already at its target is left alone, so a second run does nothing. A file
// the map does not know (new files from other branches) stays where it is and is listed; a
// move whose target already exists, or two files aimed at one target, is refused and listed.

const root = path.resolve(import.meta.dirname, '../..');
const dry = process.argv.includes('--dry');
const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
const abs = (r: string) => path.join(root, r);

interface MapFile {
  roots: string[];
  moves: Record<string, string>;
  textFiles: string[];
}
const map = JSON.parse(readFileSync(path.join(import.meta.dirname, 'slice-web.map.json'), 'utf8')) as MapFile;

function filesUnder(dir: string): string[] {
  if (!existsSync(abs(dir))) return [];
  return readdirSync(abs(dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => rel(path.join(d.parentPath, d.name)))
    .sort();
}

/** Where the map sends a file (repository-relative), or null when it names no rule for it. */
function targetOf(file: string): string | null {
  for (const [from, to] of Object.entries(map.moves)) {
    if (from.endsWith('/')) {
      if (file.startsWith(from)) return to + file.slice(from.length);
    } else if (file === from) return to;
  }
  return null;
}

// ── The plan ─────────────────────────────────────────────────────────────────────────────────
const candidates = new Set<string>([
  ...map.roots.flatMap(filesUnder),
  ...Object.keys(map.moves).filter((k) => !k.endsWith('/') && existsSync(abs(k))),
]);
const moves = new Map<string, string>();
const unmapped: string[] = [];
const refused: string[] = [];
const claimed = new Map<string, string>();
for (const file of [...candidates].sort()) {
  const to = targetOf(file);
  if (to === null) {
    unmapped.push(file);
    continue;
  }
  if (to === file) continue;
  if (existsSync(abs(to))) {
    refused.push(`${file} → ${to}: the target exists`);
    continue;
  }
  const other = claimed.get(to);
  if (other) {
    refused.push(`${file} → ${to}: ${other} goes there too`);
    moves.delete(other);
    continue;
  }
  claimed.set(to, file);
  moves.set(file, to);
}

console.log(`${moves.size} files to move${dry ? ' (dry run)' : ''}`);
for (const [from, to] of moves) console.log(`  ${from} → ${to}`);
if (unmapped.length > 0) {
  console.log(
    `${unmapped.length} files the map does not know, left where they are (add them to slice-web.map.json):`,
  );
  for (const f of unmapped) console.log(`  ${f}`);
}
if (refused.length > 0) {
  console.log(`${refused.length} moves refused:`);
  for (const r of refused) console.log(`  ${r}`);
}
if (moves.size === 0) process.exit(refused.length > 0 ? 1 : 0);

// ── Rewrite the imports ──────────────────────────────────────────────────────────────────────
const movedAbs = new Map([...moves].map(([from, to]) => [abs(from), abs(to)]));
const project = new Project({
  tsConfigFilePath: abs('tsconfig.json'),
  skipFileDependencyResolution: true,
  skipAddingFilesFromTsConfig: false,
});
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The file a relative specifier names from `dir`, as written (with or without its extension). */
function resolveSpecifier(dir: string, spec: string): string | null {
  const base = path.resolve(dir, spec);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (movedAbs.has(candidate) || (existsSync(candidate) && statSync(candidate).isFile())) return candidate;
  }
  return null;
}

function specifierFor(fromFile: string, toFile: string, original: string): string {
  let spec = path.relative(path.dirname(fromFile), toFile).split(path.sep).join('/');
  if (!spec.startsWith('.')) spec = `./${spec}`;
  // Keep the way the original was written: with the file's extension, or without it.
  if (!/\.(ts|tsx|js|jsx|json)$/.test(original))
    spec = spec.replace(/\.(ts|tsx)$/, '').replace(/\/index$/, '');
  return spec;
}

let rewritten = 0;
const changedFiles = new Set<string>();
for (const sf of project.getSourceFiles()) {
  const file = sf.getFilePath();
  if (file.includes('/node_modules/')) continue;
  const newFile = movedAbs.get(file) ?? file;
  for (const literal of sf.getImportStringLiterals()) {
    const spec = literal.getLiteralValue();
    if (!spec.startsWith('.')) continue;
    const target = resolveSpecifier(path.dirname(file), spec);
    if (!target) continue;
    const newTarget = movedAbs.get(target) ?? target;
    if (newTarget === target && newFile === file) continue;
    const next = specifierFor(newFile, newTarget, spec);
    if (next === spec) continue;
    if (!dry) literal.setLiteralValue(next);
    rewritten++;
    changedFiles.add(rel(file));
  }
}
console.log(`${rewritten} import specifiers rewritten in ${changedFiles.size} files`);

// Paths named in text (the ESLint debt list, the architecture page): the moved files' repository
// paths. Decision records are history and keep the paths they were written with.
const textEdits: string[] = [];
for (const file of map.textFiles.filter((f) => existsSync(abs(f)))) {
  const before = readFileSync(abs(file), 'utf8');
  let after = before;
  for (const [from, to] of moves) after = after.split(from).join(to);
  if (after !== before) {
    textEdits.push(file);
    if (!dry) writeFileSync(abs(file), after);
  }
}
if (textEdits.length > 0) console.log(`paths updated in ${textEdits.join(', ')}`);

if (dry) process.exit(0);
project.saveSync();

// ── Move the files ───────────────────────────────────────────────────────────────────────────
for (const [from, to] of moves) {
  mkdirSync(path.dirname(abs(to)), { recursive: true });
  renameSync(abs(from), abs(to));
}
// Folders the moves emptied.
for (const dir of [...new Set([...moves.keys()].map((f) => path.dirname(abs(f))))].sort(
  (a, b) => b.length - a.length,
)) {
  let d = dir;
  while (d.startsWith(abs('src/web/')) && existsSync(d) && readdirSync(d).length === 0) {
    rmdirSync(d);
    d = path.dirname(d);
  }
}
console.log('done: run npx tsc -p . and npx eslint . --max-warnings=0, then commit with git add -A');
