import { createHash } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { hashPassword, randomToken, UNUSABLE_PASSWORD_HASH, verifyPassword } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { findUserByEmail, recordUserLogin, type User } from './queries.ts';
import { createSession, type SessionPolicy } from './sessions.ts';
import { accountKey, addressBackoffMs, addressKey, backoffMs, FORGET_AFTER_MS } from './login-throttle.ts';
import { addThrottleFailure, clearThrottle, throttleRows, type ThrottleRow } from './throttle-queries.ts';

// Unknown emails must cost what known ones do: a dummy hash at the configured cost, made once
// per process (a fixed cost-14 hash answered in 0.055 s against 0.47 s for a real account).
const dummyHashes = new Map<number, Promise<string>>();
function dummyHash(cost: number): Promise<string> {
  let h = dummyHashes.get(cost);
  if (!h) {
    h = hashPassword(randomToken(16), cost).catch(() => UNUSABLE_PASSWORD_HASH);
    dummyHashes.set(cost, h);
  }
  return h;
}

export interface LoginInput {
  email: string;
  password: string;
  ip?: string | null;
  userAgent?: string | null;
}

export async function login(
  ctx: Ctx,
  policy: SessionPolicy & { passwordHashCost: number },
  input: LoginInput,
): Promise<{ token: string; user: User }> {
  const now = ctx.clock.now();
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.ip ?? null);
  const rows = await throttleRows(ctx.db, [
    keys.account,
    ...(keys.ip ? [keys.ip] : []),
    ...(keys.pair ? [keys.pair] : []),
  ]);
  const recent = (r: ThrottleRow | undefined) =>
    !!r && r.lastFailureAt.getTime() > now.getTime() - FORGET_AFTER_MS;
  const blockedFor = (r: ThrottleRow | undefined) =>
    recent(r) && r!.blockedUntil && r!.blockedUntil > now ? r!.blockedUntil.getTime() - now.getTime() : 0;
  // An address in back-off is refused. An account in back-off is refused only to an address
  // that has itself failed on it: the owner at a clean address still gets in (ADR 0064).
  const ipWait = keys.ip ? blockedFor(rows.get(keys.ip)) : 0;
  const accountWait = blockedFor(rows.get(keys.account));
  const pairFailed = keys.pair ? recent(rows.get(keys.pair)) : true;
  const wait = Math.max(ipWait, pairFailed ? accountWait : 0);
  if (wait > 0)
    throw new AppError('RATE_LIMITED', 'error.signInThrottled', {
      minutes: Math.max(1, Math.ceil(wait / 60_000)),
    });
  const user = email ? await findUserByEmail(ctx.db, email) : undefined;
  // Unknown accounts cost the same time as known ones.
  const ok = await verifyPassword(
    input.password,
    user?.passwordHash ?? (await dummyHash(policy.passwordHashCost)),
  );
  if (!user || !ok || user.disabledAt) {
    await recordFailure(ctx, keys, user && !user.disabledAt ? user : undefined, now, input.ip ?? null);
    throw new AppError('UNAUTHENTICATED', 'error.badCredentials');
  }
  const needsRehash = Number(user.passwordHash.split('$')[1]) < policy.passwordHashCost;
  const newHash = needsRehash ? await hashPassword(input.password, policy.passwordHashCost) : undefined;
  return ctx.db.transaction(async (tx) => {
    await clearThrottle(tx, keys.account);
    if (keys.pair) await clearThrottle(tx, keys.pair);
    await recordUserLogin(tx, user.id, now, newHash);
    const { token } = await createSession(tx, user.id, now, policy, input);
    await recordAudit(
      tx,
      { type: 'user', id: user.id, label: user.email },
      {
        officeId: null,
        action: 'user.login',
        entityType: 'user',
        entityId: user.id,
        after: { ip: input.ip ?? null },
      },
      now,
    );
    return { token, user };
  });
}

interface ThrottleKeys {
  account: string;
  ip: string | null;
  pair: string | null;
}

function throttleKeys(email: string, ip: string | null): ThrottleKeys {
  const account = accountKey(email);
  const address = addressKey(ip);
  const pair = address ? `pair:${createHash('sha256').update(`${account}|${address}`).digest('hex')}` : null;
  return { account, ip: address, pair };
}

async function recordFailure(
  ctx: Ctx,
  keys: ThrottleKeys,
  user: User | undefined,
  now: Date,
  ip: string | null,
): Promise<void> {
  const resetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  await ctx.db.transaction(async (tx) => {
    const failures = await addThrottleFailure(tx, keys.account, now, resetBefore, backoffMs);
    if (keys.ip) await addThrottleFailure(tx, keys.ip, now, resetBefore, addressBackoffMs);
    if (keys.pair) await addThrottleFailure(tx, keys.pair, now, resetBefore, () => 0);
    if (!user) return;
    await recordAudit(
      tx,
      { type: 'public', label: user.email },
      {
        officeId: null,
        action: 'user.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: { failures, backoffSeconds: Math.round(backoffMs(failures) / 1000), ip },
      },
      now,
    );
  });
}
