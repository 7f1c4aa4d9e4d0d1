import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

// Passwords: scrypt from node:crypto (ADR 0005). The parameters are stored with each hash,
// so raising the cost later only affects new hashes.
// OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1 as the minimum.
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const KEY_LENGTH = 64;

export async function hashPassword(password: string, log2N: number): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** log2N;
  const key = await scrypt(password, salt, KEY_LENGTH, {
    N,
    r: SCRYPT_R,
    p: SCRYPT_P,
    maxmem: 256 * N * SCRYPT_R,
  });
  return `scrypt$${log2N}$${SCRYPT_R}$${SCRYPT_P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !log2N || !r || !p || !saltB64 || !keyB64) return false;
  const N = 2 ** Number(log2N);
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, {
    N,
    r: Number(r),
    p: Number(p),
    maxmem: 256 * N * Number(r),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a password that never matches, to spend the same time on unknown accounts. */
export const UNUSABLE_PASSWORD_HASH = `scrypt$14$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(64).toString('base64')}`;

/** URL-safe random token with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Human-friendly random password (no look-alike characters), ~95 bits of entropy. */
export function randomPassword(length = 16): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length];
  }
  return out.length === length ? out : randomPassword(length);
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hmacHex(key: Buffer | string, data: string): string {
  return createHmac('sha256', key).update(data).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

// Field and file encryption: AES-256-GCM. The output names the key it was made with
// (a short fingerprint), so keys can be rotated: new data uses the current key, old data
// stays readable with an old key listed in DATA_ENCRYPTION_OLD_KEYS.
export interface KeyRing {
  current: Buffer;
  old: Buffer[];
}

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function findKey(ring: KeyRing, id: string): Buffer {
  for (const k of [ring.current, ...ring.old]) if (keyId(k) === id) return k;
  throw new Error(`No data encryption key with id ${id} is configured`);
}

const MAGIC = Buffer.from('TBK1');

export function encryptBytes(ring: KeyRing, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.current, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, Buffer.from(keyId(ring.current), 'hex'), iv, cipher.getAuthTag(), body]);
}

export function decryptBytes(ring: KeyRing, sealed: Buffer): Buffer {
  if (!sealed.subarray(0, 4).equals(MAGIC)) throw new Error('Not an encrypted Terbuka payload');
  const key = findKey(ring, sealed.subarray(4, 8).toString('hex'));
  const iv = sealed.subarray(8, 20);
  const tag = sealed.subarray(20, 36);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(36)), decipher.final()]);
}

export function encryptText(ring: KeyRing, plain: string): string {
  return encryptBytes(ring, Buffer.from(plain, 'utf8')).toString('base64');
}

export function decryptText(ring: KeyRing, sealed: string): string {
  return decryptBytes(ring, Buffer.from(sealed, 'base64')).toString('utf8');
}

/** Deterministic keyed hash for finding encrypted values by equality (e.g. a NIK). */
export function blindIndex(ring: KeyRing, value: string): string {
  return hmacHex(ring.current, `blind-index:${value}`);
}
