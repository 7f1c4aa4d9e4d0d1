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

/** The stored id of a cookie token, or undefined when the token cannot be one. */
export function sessionIdOf(token: string): string | undefined {
  return /^[A-Za-z0-9_-]{20,100}$/.test(token) ? sha256Hex(token) : undefined;
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
  const id = sessionIdOf(token);
  const session = id ? await findSession(db, id) : undefined;
  return session && keepSessionAlive(db, session, now, policy);
}

/** A session as read: undefined (and deleted) when over its limits, else the session (touched once a minute). */
export async function keepSessionAlive(
  db: Db,
  session: Session,
  now: Date,
  policy: SessionPolicy,
): Promise<Session | undefined> {
  const idleLimit = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (now >= session.expiresAt || now.getTime() >= idleLimit) {
    await deleteSession(db, session.id);
    return undefined;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await touchSession(db, session.id, now);
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
