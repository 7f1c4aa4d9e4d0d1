import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { offices } from '../offices/schema.ts';
import { roleAssignments, sessions, users } from '../people/schema.ts';
import type { User } from '../people/queries.ts';
import type { Session } from '../people/session-queries.ts';
import type { ActiveRole } from './actor.ts';

// What every signed-in page needs first, in ONE round trip: the session, its user and the roles
// the user holds today (ADR 0104). The roles are the same rows, in the same order (by office
// code), as `findActiveRoles` (modules/people/queries.ts), aggregated into one JSON column.

export async function findSessionUserRoles(
  db: Db,
  sessionId: string,
  today: string,
): Promise<{ session: Session; user: User; roles: ActiveRole[] } | undefined> {
  const ra = roleAssignments;
  const roles = sql<ActiveRole[]>`coalesce((
    select json_agg(json_build_object(
      'officeId', ${ra.officeId}, 'role', ${ra.role}, 'unitId', ${ra.unitId},
      'officePath', ${offices.path}, 'officeSlug', ${offices.slug}, 'officeName', ${offices.name}
    ) order by ${offices.code})
    from ${ra} inner join ${offices} on ${offices.id} = ${ra.officeId}
    where ${ra.userId} = ${users.id} and ${ra.revokedAt} is null
      and ${ra.validFrom} <= ${today}::date
      and (${ra.validTo} is null or ${ra.validTo} >= ${today}::date)
      and ${offices.active}
  ), '[]'::json)`;
  const [row] = await db
    .select({ session: sessions, user: users, roles })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId));
  return row;
}
