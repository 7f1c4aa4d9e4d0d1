import type { Db } from '../../platform/db/database.ts';
import { localDateTime } from '../calendar/working-days.ts';
import type { User } from '../people/queries.ts';
import { keepSessionAlive, sessionIdOf, type SessionPolicy } from '../people/sessions.ts';
import type { Actor } from './actor.ts';
import { findSessionUserRoles } from './session-queries.ts';

/**
 * The person behind a session cookie and the actor they act as, read in one query (session,
 * user and today's roles): undefined when the token is unknown, the session is over its limits
 * (see `keepSessionAlive`) or the account is disabled.
 */
export async function resolveSignedIn(
  db: Db,
  token: string,
  now: Date,
  policy: SessionPolicy,
  requestId: string | null,
): Promise<{ user: User; actor: Actor } | undefined> {
  const id = sessionIdOf(token);
  if (!id) return undefined;
  // Roles are in force by the date in Jakarta, as for `actorForUser`.
  const found = await findSessionUserRoles(db, id, localDateTime(now, 'Asia/Jakarta').date);
  if (!found || !(await keepSessionAlive(db, found.session, now, policy))) return undefined;
  const { user, roles } = found;
  if (user.disabledAt) return undefined;
  return { user, actor: { kind: 'user', userId: user.id, label: user.email, requestId, roles } };
}
