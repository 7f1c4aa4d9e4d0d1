import type { Ctx } from '../../platform/context.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queuePhoneNotice } from '../requests/phone-notices.ts';
import { systemActor } from '../access/actor.ts';
import { lapseCases, type OfficeDay } from '../casework/sweeps.ts';
import { commissionOf } from './commission.ts';
import { objectionLapsedMail } from './emails/objection-lapsed-mail.ts';
import { objectionTrackingUrl } from './links.ts';
import { disputeDeadline } from './objection-deadlines.ts';
import { loadObjection, objectionSteps } from './objection-steps.ts';
import { listObjectionsDueBy } from './queries.ts';

/**
 * Moves objections whose answer period ended without an answer to LAPSED (a job, not a page
 * visit; the kernel's lapse sweep) and tells the requester the Komisi Informasi may now hear the
 * dispute, within 14 working days (UU 14/2008 Pasal 37(2)). Safe to run twice or on two
 * processes: each lapse is a compare-and-set from REGISTERED, and the requester's email has a
 * dedupe key.
 */
export function lapseUnansweredObjections(ctx: Ctx & { publicUrl: string }): Promise<number> {
  const actor = systemActor('tenggat keberatan');
  const lastDayOf = (day: OfficeDay, dueDate: string) =>
    disputeDeadline(day.calendar, { answeredOn: null, answerDueOn: dueDate });
  return lapseCases(ctx, {
    reachDays: 1,
    candidates: (db, until) => listObjectionsDueBy(db, ['REGISTERED'], until),
    lapsed: (day, candidate) => candidate.dueDate < day.today,
    load: loadObjection,
    from: 'REGISTERED',
    move: (tx, day, before, now) => {
      const lastDay = lastDayOf(day, before.dueDate);
      return objectionSteps.transition(
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
    },
    tell: async (tx, day, before, after) => {
      if (!after.requesterEmail) return null;
      const { office } = day;
      const commission = await commissionOf(tx, office, day.settings);
      return {
        to: after.requesterEmail,
        ...objectionLapsedMail({
          requesterName: after.requesterName,
          officeName: office.name,
          number: after.number,
          dueDateText: formatDate(before.dueDate, 'id'),
          disputeDeadlineText: formatDate(lastDayOf(day, before.dueDate), 'id'),
          commissionName: commission.name,
          trackingUrl: objectionTrackingUrl(ctx.publicUrl, office.slug),
        }),
        template: 'objection-lapsed',
        entityType: 'objection',
        entityId: after.id,
        dedupeKey: `objection-lapsed:${after.id}`,
      };
    },
    notify: (tx, day, before, after, now) =>
      queuePhoneNotice(
        tx,
        day.office.id,
        { name: after.requesterName, phone: after.requesterPhone },
        day.office.name,
        {
          kind: 'objection-lapsed',
          number: after.number,
          disputeDeadlineText: formatDate(lastDayOf(day, before.dueDate), 'id'),
        },
        {
          entityType: 'objection',
          entityId: after.id,
          url: objectionTrackingUrl(ctx.publicUrl, day.office.slug),
          dedupeKey: `objection-lapsed:${after.id}`,
        },
        now,
      ),
  });
}
