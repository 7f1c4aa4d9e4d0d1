import type { Ctx } from '../../platform/context.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { queuePhoneNotice } from './phone-notices.ts';
import { systemActor } from '../access/actor.ts';
import { sweepThenClaim } from '../casework/sweeps.ts';
import { requestClosedIncompleteMail } from './emails/request-closed-incomplete-mail.ts';
import { requestFormUrl } from './links.ts';
import { listIncompleteDueBefore, type RequestRow } from './queries.ts';
import { loadRequest, requestSteps } from './request-steps.ts';

/**
 * Closes incomplete requests whose completion period has ended (a job, not a page visit; the
 * kernel's sweep-then-claim). Safe to run twice or on two processes: each close is a
 * compare-and-set from INCOMPLETE, so the second run finds nothing to change.
 */
export async function closeLapsedIncompleteRequests(ctx: Ctx & { publicUrl: string }): Promise<number> {
  const actor = systemActor('tenggat kelengkapan');
  const counts = await sweepThenClaim<RequestRow, { kind: 'closed' }>(
    ctx,
    {
      reachDays: 2,
      candidates: listIncompleteDueBefore,
      judge: (day, candidate) =>
        candidate.completionDueDate && candidate.completionDueDate < day.today ? { kind: 'closed' } : null,
      claim: async (tx, { office }, candidate, _verdict, now) => {
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
        await queuePhoneNotice(
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
        );
        return true;
      },
    },
    ['closed'],
  );
  return counts.closed;
}
