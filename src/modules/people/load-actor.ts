import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/actor.ts';
import { todayInJakarta } from './manage-users.ts';
import { findActiveRoles, type User } from './queries.ts';

export async function actorForUser(db: Db, user: User, now: Date, requestId: string | null): Promise<Actor> {
  return {
    kind: 'user',
    userId: user.id,
    label: user.email,
    requestId,
    roles: await findActiveRoles(db, user.id, todayInJakarta(now)),
  };
}
