import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/actor.ts';
import { can, rolesAt, type OfficeRef } from '../access/permissions.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import { findUserById } from '../people/queries.ts';
import type { ActorView } from './cycle-rules.ts';
import type { OfficeTime } from './time-standard.ts';

export function actorViewAt(actor: Actor, office: OfficeRef): ActorView {
  return {
    roles: rolesAt(actor, office),
    operator: actor.kind === 'cli' || actor.kind === 'system',
    managesDip: can.manageDip(actor, office),
  };
}

/** The office's calendar, time zone and working hours, for time standards. */
export async function officeTimeOf(db: Db, office: Office): Promise<OfficeTime> {
  const [calendar, settings] = await Promise.all([
    loadOfficeCalendar(db, office),
    getOfficeSettings(db, office.id),
  ]);
  return { calendar, timeZone: office.timezone, workingHours: settings.workingHours };
}

/** The name to write under a step (the user's name; the token or CLI label otherwise). */
export async function actorDisplayName(db: Db, actor: Actor): Promise<string> {
  if (actor.userId) {
    const user = await findUserById(db, actor.userId);
    if (user) return user.name;
  }
  return actor.label;
}
