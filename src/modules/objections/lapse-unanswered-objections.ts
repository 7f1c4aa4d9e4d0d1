import type { Ctx } from '../../platform/context.ts';
import { isAppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { systemActor } from '../access/actor.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { addCalendarDays, localDateTime } from '../calendar/working-days.ts';
import { findOfficeById, getOfficeSettings, type Office } from '../offices/queries.ts';
import { commissionOf } from './commission.ts';
import { objectionLapsedMail } from './emails/objection-lapsed-mail.ts';
import { objectionTrackingUrl } from './links.ts';
import { disputeDeadline } from './objection-deadlines.ts';
import { loadObjection, objectionSteps } from './objection-steps.ts';
import { listObjectionsDueBy } from './queries.ts';

/**
 * Moves objections whose answer period ended without an answer to LAPSED (a job, not a page
 * visit) and tells the requester the Komisi Informasi may now hear the dispute, within 14
 * working days (UU 14/2008 Pasal 37(2)). Safe to run twice or on two processes: each lapse is a
 * compare-and-set from REGISTERED, and the requester's email has a dedupe key.
 */
export async function lapseUnansweredObjections(ctx: Ctx & { publicUrl: string }): Promise<number> {
  const now = ctx.clock.now();
  const actor = systemActor('tenggat keberatan');
  // Every office's "today" is at most one day after the UTC date; filtered exactly per office below.
  const candidates = await listObjectionsDueBy(
    ctx.db,
    ['REGISTERED'],
    addCalendarDays(now.toISOString().slice(0, 10), 1),
  );
  const offices = new Map<string, Office | undefined>();
  let lapsed = 0;
  for (const candidate of candidates) {
    if (!offices.has(candidate.officeId))
      offices.set(candidate.officeId, await findOfficeById(ctx.db, candidate.officeId));
    const office = offices.get(candidate.officeId);
    if (!office) continue;
    const today = localDateTime(now, office.timezone).date;
    if (candidate.dueDate >= today) continue;
    const [calendar, settings] = await Promise.all([
      loadOfficeCalendar(ctx.db, office),
      getOfficeSettings(ctx.db, office.id),
    ]);
    const commission = await commissionOf(ctx.db, office, settings);
    const lastDay = disputeDeadline(calendar, { answeredOn: null, answerDueOn: candidate.dueDate });
    // Another sweep (another process) may lapse it first: its compare-and-set wins, this one
    // finds nothing to change and moves on.
    const done = await ctx.db
      .transaction(async (tx) => {
        const before = await loadObjection(tx, office.id, candidate.id);
        if (before.status !== 'REGISTERED') return false;
        const after = await objectionSteps.transition(
          tx,
          actor,
          before,
          {
            action: 'lapse',
            changes: { lapsedAt: now, disputeDeadline: lastDay },
            event: {
              kind: 'LAPSED',
              public: true,
              data: { dueDate: before.dueDate, disputeDeadline: lastDay },
            },
            audit: 'lapsed',
            facts: { dueDate: before.dueDate, disputeDeadline: lastDay },
          },
          now,
        );
        if (after.requesterEmail) {
          await queueMail(
            tx,
            office.id,
            {
              to: after.requesterEmail,
              ...objectionLapsedMail({
                requesterName: after.requesterName,
                officeName: office.name,
                number: after.number,
                dueDateText: formatDate(before.dueDate, 'id'),
                disputeDeadlineText: formatDate(lastDay, 'id'),
                commissionName: commission.name,
                trackingUrl: objectionTrackingUrl(ctx.publicUrl, office.slug),
              }),
              template: 'objection-lapsed',
              entityType: 'objection',
              entityId: after.id,
              dedupeKey: `objection-lapsed:${after.id}`,
            },
            now,
          );
        }
        return true;
      })
      .catch((e: unknown) => {
        if (isAppError(e) && e.code === 'CONFLICT') return false;
        throw e;
      });
    if (done) lapsed++;
  }
  return lapsed;
}
