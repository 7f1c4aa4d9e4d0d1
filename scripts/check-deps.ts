import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

// Dependency check that needs no network (ADR 0044): the production dependencies in
// package-lock.json against a committed list of known advisories (security/known-advisories.json)
// and of unmaintained packages, plus what the lockfile itself can show (integrity hashes,
// install scripts beyond package.json's allowScripts, non-registry sources).
//
//   npx tsx scripts/check-deps.ts                         check (exit 1 on a finding)
//   npx tsx scripts/check-deps.ts --import-audit a.json   add the advisories of an `npm audit --json` report

const root = path.resolve(import.meta.dirname, '..');
const listFile = path.join(root, 'security/known-advisories.json');

interface Advisory {
  package: string;
  range: string;
  id: string;
  title: string;
}
interface Unmaintained {
  package: string;
  range?: string;
  note: string;
}
interface AdvisoryList {
  about: string;
  updated: string;
  source: string;
  advisories: Advisory[];
  unmaintained: Unmaintained[];
  allowedUnmaintained: Record<string, string>;
}
interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  integrity?: string;
  resolved?: string;
  link?: boolean;
  hasInstallScript?: boolean;
  deprecated?: string;
}

export interface Finding {
  level: 'error' | 'warning';
  text: string;
}

function nameOf(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** The checks, on parsed inputs (pure, unit-tested). */
export function checkLockfile(
  lock: { lockfileVersion: number; packages: Record<string, LockEntry> },
  list: AdvisoryList,
  allowScripts: Record<string, boolean>,
): { findings: Finding[]; production: number; development: number } {
  const findings: Finding[] = [];
  if (lock.lockfileVersion < 2)
    findings.push({ level: 'error', text: `lockfileVersion ${lock.lockfileVersion}: need 2 or 3` });
  let production = 0;
  let development = 0;
  for (const [p, e] of Object.entries(lock.packages)) {
    if (p === '' || e.link || !p.includes('node_modules/')) continue;
    const name = nameOf(p);
    const prod = !e.dev && !e.devOptional;
    if (prod) production++;
    else development++;
    const where = `${name}@${e.version}${prod ? '' : ' (dev)'}`;
    const level = prod ? 'error' : 'warning';
    for (const a of list.advisories) {
      if (
        a.package === name &&
        e.version &&
        semver.satisfies(e.version, a.range, { includePrerelease: true })
      ) {
        findings.push({ level, text: `${where}: ${a.id} ${a.title} (affected ${a.range})` });
      }
    }
    for (const u of list.unmaintained) {
      if (u.package !== name || (u.range && e.version && !semver.satisfies(e.version, u.range))) continue;
      const allowed = list.allowedUnmaintained[name];
      findings.push({
        level: prod && !allowed ? 'error' : 'warning',
        text: `${where}: unmaintained — ${u.note}${allowed ? ` [allowed: ${allowed}]` : ''}`,
      });
    }
    if (e.deprecated)
      findings.push({
        level: prod && !list.allowedUnmaintained[name] ? 'error' : 'warning',
        text: `${where}: deprecated — ${e.deprecated}`,
      });
    if (!e.integrity) findings.push({ level, text: `${where}: no integrity hash in the lockfile` });
    if (e.resolved && !e.resolved.startsWith('https://registry.npmjs.org/'))
      findings.push({ level, text: `${where}: not from the npm registry (${e.resolved})` });
    if (e.hasInstallScript && !allowScripts[name])
      findings.push({
        level,
        text: `${where}: runs an install script not allowed in package.json allowScripts`,
      });
  }
  return { findings, production, development };
}

interface AuditReport {
  vulnerabilities?: Record<
    string,
    { via: (string | { source: number; name: string; title: string; url: string; range: string })[] }
  >;
}

/** Adds the advisories of an `npm audit --json` report to the list. */
export function importAudit(list: AdvisoryList, report: AuditReport, today: string): number {
  let added = 0;
  for (const v of Object.values(report.vulnerabilities ?? {})) {
    for (const via of v.via) {
      if (typeof via === 'string') continue;
      const id = via.url.split('/').pop() ?? String(via.source);
      if (list.advisories.some((a) => a.id === id && a.package === via.name)) continue;
      list.advisories.push({ package: via.name, range: via.range, id, title: via.title });
      added++;
    }
  }
  list.updated = today;
  list.source = `npm audit report imported ${today}, plus earlier entries`;
  return added;
}

function main(): void {
  const list = JSON.parse(readFileSync(listFile, 'utf8')) as AdvisoryList;
  const args = process.argv.slice(2);
  if (args[0] === '--import-audit') {
    const added = importAudit(
      list,
      JSON.parse(readFileSync(args[1]!, 'utf8')) as AuditReport,
      new Date().toISOString().slice(0, 10),
    );
    writeFileSync(listFile, `${JSON.stringify(list, null, 2)}\n`);
    console.log(`Added ${added} advisories to ${path.relative(root, listFile)}.`);
    return;
  }
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    lockfileVersion: number;
    packages: Record<string, LockEntry>;
  };
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    allowScripts?: Record<string, boolean>;
  };
  const { findings, production, development } = checkLockfile(lock, list, pkg.allowScripts ?? {});
  for (const f of findings) console.log(`${f.level === 'error' ? 'ERROR' : 'warn '}  ${f.text}`);
  const errors = findings.filter((f) => f.level === 'error').length;
  console.log(
    `Dependencies: ${production} production and ${development} development packages checked against ${list.advisories.length} known advisories ` +
      `(list updated ${list.updated}, ${list.source}): ${errors} errors, ${findings.length - errors} warnings.`,
  );
  if (errors > 0) process.exitCode = 1;
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('check-deps.ts')) main();
