import { randomBytes } from 'node:crypto';
import { safeEqual, sha256Hex } from '../../platform/crypto.ts';

// The requester's secret for the tracking page and status API: 80 random bits (≥ 64 asked for),
// written in Crockford base32 as four groups of four (easy to read aloud and to type). Only a
// hash is stored; the code itself is shown once and sent in the registration email.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_BITS = 80;

export function newTrackingCode(): string {
  const bytes = randomBytes(TRACKING_CODE_BITS / 8);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Upper-case, no separators, the look-alikes Crockford allows (O→0, I/L→1). */
export function normalizeTrackingCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function hashTrackingCode(code: string): string {
  return sha256Hex(`tracking:${normalizeTrackingCode(code)}`);
}

export function trackingCodeMatches(code: string, storedHash: string): boolean {
  return safeEqual(hashTrackingCode(code), storedHash);
}
