import { describe, expect, it } from 'vitest';
import { accountKey, addressBackoffMs, addressKey, backoffMs } from './login-throttle.ts';

describe('backoffMs', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1000],
    [6, 2000],
    [10, 32_000],
    [14, 512_000],
    [15, 900_000],
    [40, 900_000],
  ])('%i failures → %i ms', (failures, ms) => expect(backoffMs(failures)).toBe(ms));
});

describe('addressBackoffMs', () => {
  it.each([
    [19, 0],
    [20, 1000],
    [21, 2000],
  ])('%i failures → %i ms', (failures, ms) => expect(addressBackoffMs(failures)).toBe(ms));
});

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', 'ip:203.0.113.7'],
    ['::ffff:203.0.113.7', 'ip:203.0.113.7'],
    ['2001:db8:1:2::17', 'ip6:2001:0db8:0001:0002::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:ffff', 'ip6:2001:0db8:0001:0002::/64'],
    ['::1', 'ip6:0000:0000:0000:0000::/64'],
    ['fe80::1%eth0', 'ip6:fe80:0000:0000:0000::/64'],
  ])('%s → %s', (ip, key) => expect(addressKey(ip)).toBe(key));
  it('is null without an address', () => expect(addressKey(null)).toBeNull());
});

describe('accountKey', () => {
  it('ignores case and surrounding spaces, and does not contain the email', () => {
    expect(accountKey(' Dewi@Contoh.test ')).toBe(accountKey('dewi@contoh.test'));
    expect(accountKey('dewi@contoh.test')).not.toContain('dewi');
  });
});
