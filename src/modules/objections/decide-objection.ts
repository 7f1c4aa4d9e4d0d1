import { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { queuePhoneNotice } from '../requests/phone-notices.ts';
import { field, fieldErrorsOf } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canObjections } from '../access/permissions.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { countsAsReceivedOn } from '../calendar/working-days.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import { issuedByOf, officerOf } from '../requests/officer.ts';
import { atasanPositionOf } from './atasan-position.ts';
import { findRequest } from '../requests/queries.ts';
import { reopenRequest } from '../requests/reopen-request.ts';
import { activeOffice, addEvent, eventActorLabel } from '../requests/request-steps.ts';
import type { RequestsCtx } from '../requests/requests-ctx.ts';
import { commissionOf } from './commission.ts';
import { objectionDecidedMail } from './emails/objection-decided-mail.ts';
import { OBJECTION_OUTCOME_ID } from './labels-id.ts';
import { objectionTrackingUrl } from './links.ts';
import { disputeDeadline } from './objection-deadlines.ts';
import { OBJECTION_OUTCOMES, reasonsRequired } from './objection-status.ts';
import { loadObjection, objectionSteps } from './objection-steps.ts';
import type { ObjectionRow } from './queries.ts';
import { insertObjectionDecision } from './write-queries.ts';

export const ATASAN_TITLE = 'Atasan PPID';

export const objectionDecisionInput = z.object({
  outcome: z.enum(OBJECTION_OUTCOMES),
  reasons: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.string().min(20).max(5000).optional(),
  ),
  order: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.string().min(10).max(3000).optional(),
  ),
  orderDays: field.int(1, 60).optional(),
  position: field.optionalText(200),
});

/** The checks the zod schema cannot make: reasons when the PPID's decision stands, an order when it falls. */
function decisionProblems(d: z.output<typeof objectionDecisionInput>): FieldError[] {
  const problems: FieldError[] = [];
  // UU 14/2008 Pasal 36(2): upholding the PPID's decision, wholly or in part, needs written reasons.
  if (reasonsRequired(d.outcome) && !d.reasons)
    problems.push({ field: 'reasons', key: 'objections.validation.reasonsRequired' });
  if (d.outcome !== 'REJECTED' && !d.order)
    problems.push({ field: 'order', key: 'objections.validation.orderRequired' });
  // The period field carries a default on the form; only a written order contradicts a rejection.
  if (d.outcome === 'REJECTED' && d.order)
    problems.push({ field: 'order', key: 'objections.validation.noOrderWhenRejected' });
  return problems;
}

/**
 * The Tanggapan Atasan PPID (UU 14/2008 Pasal 36(2)): the objection granted (the PPID's decision
 * overturned: the request goes back to the PPID with the order and a new deadline), granted in
 * part (likewise, for the part granted), or rejected (the decision stands, with written reasons).
 * The letter is drawn from the row written here; the requester is told what they may do next.
 */
export async function decideObjection(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; objectionId: string; data: unknown },
): Promise<ObjectionRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canObjections.decideObjection(actor, office)) throw AppError.forbidden();
  const parsed = objectionDecisionInput.safeParse(input.data);
  if (!parsed.success) throw AppError.validation(fieldErrorsOf(parsed.error));
  const problems = decisionProblems(parsed.data);
  if (problems.length > 0) throw AppError.validation(problems);
  const data = parsed.data;
  const now = ctx.clock.now();
  const [settings, calendar, officer] = await Promise.all([
    getOfficeSettings(ctx.db, office.id),
    loadOfficeCalendar(ctx.db, office),
    officerOf(ctx.db, actor),
  ]);
  const commission = await commissionOf(ctx.db, office, settings);
  const actorLabel = eventActorLabel(actor);

  return ctx.db.transaction(async (tx) => {
    const before = await loadObjection(tx, office.id, input.objectionId);
    const request = await findRequest(tx, office.id, before.requestId);
    if (!request) throw AppError.notFound();
    // The answer counts as received by the rule of receipts (a Sunday or after-hours answer
    // counts on the next working day); the 14 working days run from then.
    const answeredOn = countsAsReceivedOn(calendar, now, {
      timeZone: office.timezone,
      cutoff: settings.cutoff,
    });
    const lastDay = disputeDeadline(calendar, { answeredOn, answerDueOn: before.dueDate });
    // The request reopens (or hears of the rejection) first, so the objection's timeline and
    // its decision row can name the request's new due date.
    let requestDueDate: string | null = null;
    const orderDays = data.outcome === 'REJECTED' ? null : (data.orderDays ?? request.responseDays);
    if (data.outcome !== 'REJECTED') {
      const reopened = await reopenRequest(
        tx,
        ctx,
        actor,
        office,
        request.id,
        { by: 'OBJECTION', reference: before.number, order: data.order!, workingDays: orderDays! },
        now,
      );
      requestDueDate = reopened.dueDate;
    } else {
      await addEvent(tx, request, {
        kind: 'OBJECTION_REJECTED',
        actorLabel,
        public: true,
        data: { reference: before.number },
        at: now,
      });
    }
    const after = await objectionSteps.transition(
      tx,
      actor,
      before,
      {
        action: 'decide',
        changes: { decidedAt: now, disputeDeadline: lastDay },
        event: {
          kind: 'DECIDED',
          public: true,
          data: { outcome: data.outcome, requestDueDate, disputeDeadline: lastDay },
        },
        audit: 'decided',
        facts: { outcome: data.outcome, requestDueDate, late: before.status === 'LAPSED' },
      },
      now,
    );
    await insertObjectionDecision(tx, {
      officeId: office.id,
      objectionId: after.id,
      outcome: data.outcome,
      reasons: data.reasons ?? null,
      order: data.outcome === 'REJECTED' ? null : (data.order ?? null),
      orderDays,
      requestDueDate,
      decidedAt: now,
      decidedBy: actorLabel,
      officerName: officer.name,
      officerNip: officer.nip,
      officerPosition:
        data.position && data.position !== ATASAN_TITLE ? data.position : atasanPositionOf(office, settings),
      issuedBy: issuedByOf(office, settings),
    });
    if (after.requesterEmail) {
      await queueMail(
        tx,
        office.id,
        {
          to: after.requesterEmail,
          ...objectionDecidedMail({
            requesterName: after.requesterName,
            officeName: office.name,
            number: after.number,
            requestNumber: after.requestNumber,
            outcomeText: OBJECTION_OUTCOME_ID[data.outcome],
            reasons: data.reasons ?? null,
            newDueText: requestDueDate ? formatDate(requestDueDate, 'id') : null,
            disputeDeadlineText: data.outcome === 'GRANTED' ? null : formatDate(lastDay, 'id'),
            commissionName: commission.name,
            trackingUrl: objectionTrackingUrl(ctx.publicUrl, office.slug),
          }),
          template: 'objection-decided',
          entityType: 'objection',
          entityId: after.id,
        },
        now,
      );
    }
    await queuePhoneNotice(
      tx,
      office.id,
      { name: after.requesterName, phone: after.requesterPhone },
      office.name,
      { kind: 'objection-decided', number: after.number, outcomeText: OBJECTION_OUTCOME_ID[data.outcome] },
      { entityType: 'objection', entityId: after.id, url: objectionTrackingUrl(ctx.publicUrl, office.slug) },
      now,
    );
    return after;
  });
}
