import { describe, expect, it } from 'vitest';
import { safeNext } from './system-routes.ts';

// Every value is what the route sees after query/form decoding.
const BYPASSES: [string, unknown][] = [
  ['tab after the slash (next=/%09/host)', '/\t/evil.example'],
  ['newline after the slash', '/\n/evil.example'],
  ['carriage return', '/\r/evil.example'],
  ['protocol-relative', '//evil.example'],
  ['slash backslash', '/\\evil.example'],
  ['backslash anywhere', '/staff\\..\\\\evil.example'],
  ['double-encoded tab', '/%09/evil.example'],
  ['encoded slash pair', '/%2F/evil.example'],
  ['encoded backslash', '/%5Cevil.example'],
  ['double-encoded slash', '/%252F%252Fevil.example'],
  ['absolute URL', 'https://evil.example/'],
  ['javascript: URL', 'javascript:alert(1)'],
  ['javascript after a slash', '/javascript:alert(1)//\n'],
  ['scheme-relative with spaces', ' //evil.example'],
  ['NUL byte', '/staff\u0000'],
  ['DEL', '/\u007f/evil.example'],
  ['empty', ''],
  ['not a string', ['/staff']],
  ['broken escape', '/%E0%A4%A'],
  ['overlong', `/${'a'.repeat(2100)}`],
];

const ALLOWED: [string, string][] = [
  ['/staff', '/staff'],
  [
    '/staff/kpu-kota-bandung/permohonan?status=RECEIVED&page=2',
    '/staff/kpu-kota-bandung/permohonan?status=RECEIVED&page=2',
  ],
  ['/kpu-kota-bandung#formulir', '/kpu-kota-bandung#formulir'],
  ['/cari?q=a%20b', '/cari?q=a%20b'],
];

describe('safeNext: same-origin relative paths only', () => {
  it.each(BYPASSES)('refuses %s', (_name, value) => {
    expect(safeNext(value, '/fallback')).toBe('/fallback');
  });
  it.each(ALLOWED)('keeps %s', (value, expected) => {
    expect(safeNext(value, '/fallback')).toBe(expected);
  });
  it('resolves dot segments inside the site', () => {
    expect(safeNext('/staff/../kpu-ri', '/fallback')).toBe('/kpu-ri');
  });
});
