import { describe, expect, it } from 'vitest';
import { namespaces } from './catalog.ts';

// The catalog merges every feature's file; a key defined in two files silently takes the later
// text, so one feature's message replaces another's. Each key lives in exactly one file.
describe('message catalog', () => {
  it.each(['id', 'en'] as const)('defines each %s key in one namespace only', (locale) => {
    const seen = new Map<string, number>();
    const twice: string[] = [];
    namespaces.forEach((n, i) => {
      for (const key of Object.keys(n[locale])) {
        if (seen.has(key)) twice.push(key);
        seen.set(key, i);
      }
    });
    expect(twice).toEqual([]);
  });
});
