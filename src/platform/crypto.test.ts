import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  blindIndex,
  decryptBytes,
  decryptText,
  encryptBytes,
  encryptText,
  hashPassword,
  randomPassword,
  verifyPassword,
} from './crypto.ts';

const key = () => randomBytes(32);

describe('personal data encryption', () => {
  it('round-trips text and never stores it in the clear', () => {
    const ring = { current: key(), old: [] };
    const sealed = encryptText(ring, '3273012345678901');
    expect(sealed).not.toContain('3273012345678901');
    expect(decryptText(ring, sealed)).toBe('3273012345678901');
  });

  it('reads data sealed with an old key after rotation, and refuses an unknown key', () => {
    const oldKey = key();
    const sealed = encryptBytes({ current: oldKey, old: [] }, Buffer.from('KTP scan'));
    expect(decryptBytes({ current: key(), old: [oldKey] }, sealed).toString()).toBe('KTP scan');
    expect(() => decryptBytes({ current: key(), old: [] }, sealed)).toThrow(/No data encryption key/);
  });

  it('detects tampering', () => {
    const ring = { current: key(), old: [] };
    const sealed = encryptBytes(ring, Buffer.from('identitas'));
    sealed[sealed.length - 1]! ^= 1;
    expect(() => decryptBytes(ring, sealed)).toThrow();
  });

  it('gives equal values equal blind indexes without revealing them', () => {
    const ring = { current: key(), old: [] };
    expect(blindIndex(ring, '3273012345678901')).toBe(blindIndex(ring, '3273012345678901'));
    expect(blindIndex(ring, '3273012345678901')).not.toBe(blindIndex(ring, '3273012345678902'));
  });
});

describe('passwords', () => {
  it('verifies the right password only', async () => {
    const hash = await hashPassword('kata sandi yang panjang', 14);
    expect(hash.startsWith('scrypt$14$8$1$')).toBe(true);
    expect(await verifyPassword('kata sandi yang panjang', hash)).toBe(true);
    expect(await verifyPassword('kata sandi yang salah', hash)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });

  it('makes random passwords from an unambiguous alphabet', () => {
    const passwords = Array.from({ length: 50 }, () => randomPassword(16));
    expect(new Set(passwords).size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{16}$/);
  });
});
