import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/actor.ts';

// When the calendar changes (a holiday added, removed or imported, a year confirmed, an office
// closure added or removed), every open deadline it touches is counted again in the same
// transaction (issue 13 item 2, ADR 0046). The calendar module cannot import the modules whose
// deadlines it moves (they import it), so they register here; src/modules/deadline-listeners.ts
// wires requests and objections, and web/app.ts and the CLI import it.

export type CalendarChange =
  { scope: 'NATIONAL'; cause: string } | { scope: 'OFFICE'; officeId: string; cause: string };

export type CalendarListener = (tx: Db, actor: Actor, change: CalendarChange, now: Date) => Promise<number>;

const listeners = new Map<string, CalendarListener>();

/** Registers the recount of one kind of deadline (idempotent by name). */
export function onCalendarChange(name: string, listener: CalendarListener): void {
  listeners.set(name, listener);
}

/** Recounts every registered kind of open deadline; returns how many dates moved. */
export async function calendarChanged(
  tx: Db,
  actor: Actor,
  change: CalendarChange,
  now: Date,
): Promise<number> {
  let moved = 0;
  for (const listener of listeners.values()) moved += await listener(tx, actor, change, now);
  return moved;
}
