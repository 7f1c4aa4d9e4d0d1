import { describe, expect, it } from 'vitest';
import { checkLockfile, importAudit } from './check-deps.ts';

const list = {
  about: '',
  updated: '2026-01-01',
  source: 'test',
  advisories: [{ package: 'braces', range: '<3.0.3', id: 'GHSA-grv7-fg5c-xmjg', title: 'ReDoS' }],
  unmaintained: [
    { package: 'rimraf', range: '<4.0.0', note: 'deprecated' },
    { package: 'fstream', note: 'deprecated' },
  ],
  allowedUnmaintained: { fstream: 'via exceljs' },
};
const ok = { version: '1.0.0', integrity: 'sha512-x' };

describe('checkLockfile', () => {
  it.each([
    ['a patched version', { 'node_modules/braces': { ...ok, version: '3.0.3' } }, []],
    ['a vulnerable production version', { 'node_modules/braces': { ...ok, version: '3.0.2' } }, ['error']],
    [
      'a vulnerable dev version',
      { 'node_modules/x/node_modules/braces': { ...ok, version: '2.3.2', dev: true } },
      ['warning'],
    ],
    ['an unmaintained package in range', { 'node_modules/rimraf': { ...ok, version: '2.7.1' } }, ['error']],
    ['an unmaintained package out of range', { 'node_modules/rimraf': { ...ok, version: '5.0.0' } }, []],
    [
      'an allowed unmaintained package',
      { 'node_modules/fstream': { ...ok, version: '1.0.12' } },
      ['warning'],
    ],
    ['a missing integrity hash', { 'node_modules/a': { version: '1.0.0' } }, ['error']],
    [
      'a tarball from elsewhere',
      { 'node_modules/a': { ...ok, resolved: 'https://evil.example/a.tgz' } },
      ['error'],
    ],
    ['an install script not allowed', { 'node_modules/a': { ...ok, hasInstallScript: true } }, ['error']],
    ['an allowed install script', { 'node_modules/esbuild': { ...ok, hasInstallScript: true } }, []],
    [
      'a lockfile-flagged deprecated package',
      { 'node_modules/a': { ...ok, deprecated: 'use b' } },
      ['error'],
    ],
  ])('%s', (_label, packages, levels) => {
    const r = checkLockfile({ lockfileVersion: 3, packages: { '': {}, ...packages } }, list, {
      esbuild: true,
    });
    expect(r.findings.map((f) => f.level)).toEqual(levels);
  });

  it('imports the advisories of an npm audit report once', () => {
    const copy = structuredClone(list);
    const report = {
      vulnerabilities: {
        tar: {
          via: [
            {
              source: 1,
              name: 'tar',
              title: 'DoS',
              url: 'https://github.com/advisories/GHSA-f5x3-32g6-xq36',
              range: '<6.2.1',
            },
            'other',
          ],
        },
      },
    };
    expect(importAudit(copy, report, '2026-12-03')).toBe(1);
    expect(importAudit(copy, report, '2026-12-03')).toBe(0);
    expect(copy.advisories.at(-1)).toEqual({
      package: 'tar',
      range: '<6.2.1',
      id: 'GHSA-f5x3-32g6-xq36',
      title: 'DoS',
    });
  });
});
