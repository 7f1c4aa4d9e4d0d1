import type { Ctx } from '../../platform/context.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queuePhoneNotice } from './phone-notices.ts';
import { systemActor } from '../access/actor.ts';
import { lapseCases } from '../casework/sweeps.ts';
import { requestClosedIncompleteMail } from './emails/request-closed-incomplete-mail.ts';
import { requestFormUrl } from './links.ts';
import { listIncompleteDueBefore } from './queries.ts';
import { loadRequest, requestSteps } from './request-steps.ts';

/**
 * Closes incomplete requests whose completion period has ended (a job, not a page visit; the
 * kernel's lapse sweep). Safe to run twice or on two processes: each close is a compare-and-set
 * from INCOMPLETE, so the second run finds nothing to change.
 */
export function closeLapsedIncompleteRequests(ctx: Ctx & { publicUrl: string }): Promise<number> {
  const actor = systemActor('tenggat kelengkapan');
  return lapseCases(ctx, {
    reachDays: 2,
    candidates: listIncompleteDueBefore,
    lapsed: (day, candidate) => !!candidate.completionDueDate && candidate.completionDueDate < day.today,
    load: loadRequest,
    from: 'INCOMPLETE',
    move: (tx, _day, before, now) =>
      requestSteps.transition(
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
      ),
    tell: async (_tx, { office }, before, after) =>
      after.email
        ? {
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
          }
        : null,
    notify: (tx, { office }, before, after, now) =>
      queuePhoneNotice(
        tx,
        office.id,
        { name: after.requesterName, phone: after.phoneE164 ?? after.phone },
        office.name,
        {
          kind: 'request-closed-incomplete',
          number: after.number,
          completionDueText: formatDate(before.completionDueDate!, 'id'),
        },
        {
          entityType: 'request',
          entityId: after.id,
          url: requestFormUrl(ctx.publicUrl, office.slug),
          dedupeKey: `closed-incomplete:${after.id}`,
        },
        now,
      ),
  });
}
