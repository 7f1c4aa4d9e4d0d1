import type { Ctx } from '../../platform/context.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { queuePhoneNotice } from '../requests/phone-notices.ts';
import { systemActor } from '../access/actor.ts';
import { sweepThenClaim } from '../casework/sweeps.ts';
import { commissionOf } from './commission.ts';
import { objectionLapsedMail } from './emails/objection-lapsed-mail.ts';
import { objectionTrackingUrl } from './links.ts';
import { disputeDeadline } from './objection-deadlines.ts';
import { loadObjection, objectionSteps } from './objection-steps.ts';
import { listObjectionsDueBy, type ObjectionRow } from './queries.ts';

/**
 * Moves objections whose answer period ended without an answer to LAPSED (a job, not a page
 * visit; the kernel's sweep-then-claim) and tells the requester the Komisi Informasi may now hear the dispute, within 14
 * working days (UU 14/2008 Pasal 37(2)). Safe to run twice or on two processes: each lapse is a
 * compare-and-set from REGISTERED, and the requester's email has a dedupe key.
 */
export async function lapseUnansweredObjections(ctx: Ctx & { publicUrl: string }): Promise<number> {
  const actor = systemActor('tenggat keberatan');
  const counts = await sweepThenClaim<ObjectionRow, { kind: 'lapsed' }>(
    ctx,
    {
      reachDays: 1,
      candidates: (db, until) => listObjectionsDueBy(db, ['REGISTERED'], until),
      judge: (day, candidate) => (candidate.dueDate < day.today ? { kind: 'lapsed' } : null),
      claim: async (tx, { office, settings, calendar }, candidate, _verdict, now) => {
        const commission = await commissionOf(tx, office, settings);
        const lastDay = disputeDeadline(calendar, { answeredOn: null, answerDueOn: candidate.dueDate });
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
        await queuePhoneNotice(
          tx,
          office.id,
          { name: after.requesterName, phone: after.requesterPhone },
          office.name,
          { kind: 'objection-lapsed', number: after.number, disputeDeadlineText: formatDate(lastDay, 'id') },
          {
            entityType: 'objection',
            entityId: after.id,
            url: objectionTrackingUrl(ctx.publicUrl, office.slug),
            dedupeKey: `objection-lapsed:${after.id}`,
          },
          now,
        );
        return true;
      },
    },
    ['lapsed'],
  );
  return counts.lapsed;
}
