import type { Db } from '../../platform/db/database.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import {
  deleteSession,
  deleteStaleSessions,
  deleteUserSessions,
  findSession,
  insertSession,
  touchSession,
  type Session,
} from './session-queries.ts';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export type { Session };

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: Db,
  userId: string,
  now: Date,
  policy: SessionPolicy,
  meta: { ip?: string | null; userAgent?: string | null } = {},
): Promise<{ token: string; session: Session }> {
  const token = randomToken(32);
  const session = await insertSession(db, {
    id: sha256Hex(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.maxHours * 3_600_000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, session };
}

/**
 * The live session for a cookie token, or undefined when unknown, past its absolute
 * lifetime, or idle for longer than allowed. Activity is recorded at most once a minute.
 */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<Session | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const id = sha256Hex(token);
  const session = await findSession(db, id);
  if (!session) return undefined;
  const idleLimit = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (now >= session.expiresAt || now.getTime() >= idleLimit) {
    await deleteSession(db, id);
    return undefined;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await touchSession(db, id, now);
  }
  return session;
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await deleteSession(db, sha256Hex(token));
}

/** Ends every session of a user, except optionally the one in use. */
export async function destroyUserSessions(db: Db, userId: string, exceptToken?: string): Promise<void> {
  await deleteUserSessions(db, userId, exceptToken ? sha256Hex(exceptToken) : undefined);
}

export async function purgeExpiredSessions(db: Db, now: Date, policy: SessionPolicy): Promise<void> {
  await deleteStaleSessions(db, now, new Date(now.getTime() - policy.idleMinutes * 60_000));
}
