import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { hashPassword, randomToken, UNUSABLE_PASSWORD_HASH, verifyPassword } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { findUserByEmail, type User } from './queries.ts';
import { users } from './schema.ts';
import { createSession, type SessionPolicy } from './sessions.ts';

// Lockout with back-off: after 5 failures in a row the account is locked for 1 minute, and
// every further failure doubles the lock, up to an hour. A success resets the count.
export const LOCKOUT_THRESHOLD = 5;
const MAX_LOCK_MINUTES = 60;

export function lockMinutesAfter(failures: number): number {
  if (failures < LOCKOUT_THRESHOLD) return 0;
  return Math.min(MAX_LOCK_MINUTES, 2 ** (failures - LOCKOUT_THRESHOLD));
}

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
  const user = email ? await findUserByEmail(ctx.db, email) : undefined;
  if (user?.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError('LOCKED', 'error.accountLocked', { minutes });
  }
  // Unknown accounts cost the same time as known ones.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash(policy.passwordHashCost)));
  if (!user || !ok || user.disabledAt) {
    if (user && !user.disabledAt) await recordFailure(ctx, user, now, input.ip ?? null);
    throw new AppError('UNAUTHENTICATED', 'error.badCredentials');
  }
  const needsRehash = Number(user.passwordHash.split('$')[1]) < policy.passwordHashCost;
  const newHash = needsRehash ? await hashPassword(input.password, policy.passwordHashCost) : undefined;
  return ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now, ...(newHash ? { passwordHash: newHash } : {}) })
      .where(eq(users.id, user.id));
    const { token } = await createSession(tx, user.id, now, policy, input);
    await recordAudit(
      tx,
      { type: 'user', id: user.id, label: user.email },
      { officeId: null, action: 'user.login', entityType: 'user', entityId: user.id, after: { ip: input.ip ?? null } },
      now,
    );
    return { token, user };
  });
}

async function recordFailure(ctx: Ctx, user: User, now: Date, ip: string | null): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failedLogins: users.failedLogins });
    const failures = updated?.failedLogins ?? 0;
    const minutes = lockMinutesAfter(failures);
    if (minutes > 0) {
      await tx
        .update(users)
        .set({ lockedUntil: new Date(now.getTime() + minutes * 60_000) })
        .where(eq(users.id, user.id));
    }
    await recordAudit(
      tx,
      { type: 'public', label: user.email },
      {
        officeId: null,
        action: minutes > 0 ? 'user.locked' : 'user.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: { failures, lockedMinutes: minutes, ip },
      },
      now,
    );
  });
}
