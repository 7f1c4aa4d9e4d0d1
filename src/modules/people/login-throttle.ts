import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';

// Sign-in throttle (issue 12 defect 9, ADR 0064), replacing the five-failure lockout that let
// anyone lock anyone out. Failures are counted per account key (a hash of the typed email,
// whether an account exists or not, so the answers say nothing about which emails exist) and
// per client address (an IPv6 /64, since one host holds a whole /64). After FREE_FAILURES (an
// address: ADDRESS_FREE_FAILURES), each key waits a back-off that doubles with every failure, up to MAX_BLOCK. A blocked address is
// refused outright. A blocked account is refused only to addresses that have failed recently:
// the owner signing in from a clean address still gets through (the attacker's addresses are
// the dirty ones), so the throttle cannot be used to lock the owner out.

export const FREE_FAILURES = 5;
/** An address may be a whole office behind one NAT: more free failures before its back-off. */
export const ADDRESS_FREE_FAILURES = 20;
export const MAX_BLOCK_MS = 15 * 60_000;
/** Failures older than this no longer count. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** The back-off after `failures` failures in a row: none for the first five, then 1 s, 2 s, 4 s … 15 min. */
export function backoffMs(failures: number, free = FREE_FAILURES): number {
  if (failures < free) return 0;
  return Math.min(MAX_BLOCK_MS, 1000 * 2 ** Math.min(30, failures - free));
}

export function addressBackoffMs(failures: number): number {
  return backoffMs(failures, ADDRESS_FREE_FAILURES);
}

export function accountKey(email: string): string {
  return `account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}

/** The address as throttled: IPv4 as is, IPv6 by its /64 (an IPv4-mapped address as IPv4). */
export function addressKey(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return `ip:${mapped[1]}`;
  if (!isIPv6(ip)) return `ip:${ip}`;
  return `ip6:${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const [head, tail] = ip.split('%')[0]!.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => g.padStart(4, '0').toLowerCase());
}
