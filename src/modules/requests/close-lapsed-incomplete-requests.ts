import type { Ctx } from '../../platform/context.ts';
import { isAppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { systemActor } from '../access/actor.ts';
import { addCalendarDays, localDateTime } from '../calendar/working-days.ts';
import { findOfficeById, type Office } from '../offices/queries.ts';
import { requestClosedIncompleteMail } from './emails/request-closed-incomplete-mail.ts';
import { requestFormUrl } from './links.ts';
import { listIncompleteDueBefore } from './queries.ts';
import { loadRequest, requestSteps } from './request-steps.ts';

/**
 * Closes incomplete requests whose completion period has ended (a job, not a page visit).
 * Safe to run twice or on two processes: each close is a compare-and-set from INCOMPLETE, so
 * the second run finds nothing to change.
 */
export async function closeLapsedIncompleteRequests(ctx: Ctx & { publicUrl: string }): Promise<number> {
  const now = ctx.clock.now();
  const actor = systemActor('tenggat kelengkapan');
  // Every office's "today" is at most one day after the UTC date; filter exactly per office below.
  const candidates = await listIncompleteDueBefore(
    ctx.db,
    addCalendarDays(now.toISOString().slice(0, 10), 2),
  );
  const offices = new Map<string, Office | undefined>();
  let closed = 0;
  for (const candidate of candidates) {
    if (!offices.has(candidate.officeId))
      offices.set(candidate.officeId, await findOfficeById(ctx.db, candidate.officeId));
    const office = offices.get(candidate.officeId);
    if (!office) continue;
    const today = localDateTime(now, office.timezone).date;
    if (!candidate.completionDueDate || candidate.completionDueDate >= today) continue;
    const done = await ctx.db
      .transaction(async (tx) => {
        const before = await loadRequest(tx, office.id, candidate.id);
        if (before.status !== 'INCOMPLETE') return false;
        const after = await requestSteps.transition(
          tx,
          actor,
          before,
          {
            action: 'closeIncomplete',
            changes: { closedAt: now },
            event: {
              kind: 'CLOSED_INCOMPLETE',
              public: true,
              data: { completionDueDate: before.completionDueDate },
            },
            audit: 'closed_incomplete',
            facts: { completionDueDate: before.completionDueDate },
          },
          now,
        );
        if (after.email) {
          await queueMail(
            tx,
            office.id,
            {
              to: after.email,
              ...requestClosedIncompleteMail({
                requesterName: after.requesterName,
                officeName: office.name,
                number: after.number,
                completionDueText: formatDate(before.completionDueDate!, 'id'),
                formUrl: requestFormUrl(ctx.publicUrl, office.slug),
              }),
              template: 'request-closed-incomplete',
              entityType: 'request',
              entityId: after.id,
              dedupeKey: `closed-incomplete:${after.id}`,
            },
            now,
          );
        }
        return true;
      })
      .catch((e: unknown) => {
        // Another sweep (another process) closed it between our read and our update.
        if (isAppError(e) && e.code === 'CONFLICT') return false;
        throw e;
      });
    if (done) closed++;
  }
  return closed;
}
