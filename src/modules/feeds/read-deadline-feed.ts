import type { Ctx } from '../../platform/context.ts';
import { sha256Hex } from '../../platform/crypto.ts';
import { can, canObjections, canRequests, hasRole } from '../access/permissions.ts';
import { AWAITING_ANSWER } from '../objections/objection-status.ts';
import { findOfficeById, type Office } from '../offices/queries.ts';
import { actorForUser } from '../people/load-actor.ts';
import { findUserById } from '../people/queries.ts';
import { CLOCK_RUNNING } from '../requests/status.ts';
import {
  findActiveFeedByHash,
  listDispositionDeadlines,
  listObjectionDeadlines,
  listRequestDeadlines,
  touchCalendarFeed,
  type CalendarFeed,
} from './queries.ts';

/** One deadline in a feed; the web layer words it in the feed's language. */
export type DeadlineItem =
  | { type: 'request'; id: string; number: string; date: string; extended: boolean }
  | { type: 'disposition'; id: string; requestId: string; number: string; date: string }
  | { type: 'objection'; id: string; number: string; date: string };

export interface DeadlineFeed {
  feed: CalendarFeed;
  office: Office;
  items: DeadlineItem[];
}

/**
 * What a calendar feed lists, read with the officer's roles as they are today: a revoked feed,
 * a disabled account, an inactive office or an officer who no longer holds a role there gets
 * nothing (undefined — the address answers 404). The feed carries no personal data: numbers and
 * dates only, since subscribed calendars are copied to the phone's calendar service.
 *
 * OFFICE: every open deadline the officer may see — requests whose clock runs (desk, PPID,
 * Atasan), unanswered dispositions (all for the PPID, its own unit's for a PPID Pembantu), and
 * objections waiting for the Atasan's answer. MINE: requests assigned to the officer, their
 * unit's dispositions, and for the Atasan PPID the objections they must answer.
 */
export async function readDeadlineFeed(ctx: Ctx, token: string): Promise<DeadlineFeed | undefined> {
  const feed = await findActiveFeedByHash(ctx.db, sha256Hex(token));
  if (!feed) return undefined;
  const now = ctx.clock.now();
  const [user, office] = await Promise.all([
    findUserById(ctx.db, feed.userId),
    findOfficeById(ctx.db, feed.officeId),
  ]);
  if (!user || user.disabledAt || !office || !office.active) return undefined;
  const actor = await actorForUser(ctx.db, user, now, null);
  if (!can.enterOffice(actor, office) || actor.roles.every((r) => r.officeId !== office.id)) return undefined;

  const seesAllRequests = canRequests.viewRequest(actor, office, []);
  const seesAllDispositions = canRequests.decideRequests(actor, office);
  const ownUnits = actor.roles
    .filter((r) => r.officeId === office.id && r.role === 'PPID_PEMBANTU' && r.unitId)
    .map((r) => r.unitId!);
  const mine = feed.scope === 'MINE';
  const answersObjections = hasRole(actor, office, 'ATASAN_PPID');

  const [requestRows, dispositionRows, objectionRows] = await Promise.all([
    seesAllRequests ? listRequestDeadlines(ctx.db, office.id, CLOCK_RUNNING, mine ? user.id : undefined) : [],
    seesAllDispositions && !mine
      ? listDispositionDeadlines(ctx.db, office.id, null)
      : listDispositionDeadlines(ctx.db, office.id, ownUnits),
    (mine ? answersObjections : canObjections.viewObjections(actor, office))
      ? listObjectionDeadlines(ctx.db, office.id, AWAITING_ANSWER)
      : [],
  ]);
  const items: DeadlineItem[] = [
    ...requestRows.map((r) => ({
      type: 'request' as const,
      id: r.id,
      number: r.number,
      date: r.extendedDueDate ?? r.dueDate,
      extended: r.extendedDueDate !== null,
    })),
    ...dispositionRows.map((d) => ({
      type: 'disposition' as const,
      id: d.id,
      requestId: d.requestId,
      number: d.requestNumber,
      date: d.internalDueDate,
    })),
    ...objectionRows.map((o) => ({
      type: 'objection' as const,
      id: o.id,
      number: o.number,
      date: o.dueDate,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.number.localeCompare(b.number));
  await touchCalendarFeed(ctx.db, feed, now);
  return { feed, office, items };
}
