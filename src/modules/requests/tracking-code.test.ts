import { describe, expect, it } from 'vitest';
import {
  hashTrackingCode,
  newTrackingCode,
  normalizeTrackingCode,
  trackingCodeMatches,
} from './tracking-code.ts';

describe('tracking codes', () => {
  it('are 16 Crockford base32 characters (80 bits) in groups of four', () => {
    const code = newTrackingCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('do not repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, newTrackingCode));
    expect(codes.size).toBe(2000);
  });

  it('match however the requester types them, and nothing else', () => {
    const code = newTrackingCode();
    const hash = hashTrackingCode(code);
    expect(trackingCodeMatches(code.toLowerCase().replace(/-/g, ' '), hash)).toBe(true);
    const other = newTrackingCode();
    expect(trackingCodeMatches(other, hash)).toBe(false);
  });

  it('reads O as zero and I or L as one', () => {
    expect(normalizeTrackingCode('o1il-2345')).toBe('01112345');
  });
});
