import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { listUnits } from '../offices/queries.ts';
import { unitDispositionMail } from './emails/unit-disposition-mail.ts';
import { staffRequestUrl } from './links.ts';
import { listOf } from './list-field.ts';
import type { RequestRow } from './queries.ts';
import { unitEmails } from './recipients.ts';
import {
  activeOffice,
  addEvent,
  auditRequest,
  compareAndSet,
  eventActorLabel,
  loadRequest,
} from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import { requestDispositions } from './schema.ts';

export const dispositionInput = z.object({
  unitIds: listOf(z.uuid(), 1, 20),
  instruction: field.text(2000),
  internalDueDate: field.isoDate(),
});

/**
 * Disposisi (seed 002 step 4): the PPID sends the request to one or more units (PPID Pembantu)
 * with an instruction and an internal due date before the statutory one.
 */
export async function disposeRequest(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; requestId: string; data: unknown },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.decideRequests(actor, office)) throw AppError.forbidden();
  const data = parseInput(dispositionInput, input.data);
  const now = ctx.clock.now();
  const today = localDateTime(now, office.timezone).date;
  const units = await listUnits(ctx.db, office.id);
  const chosen = [...new Set(data.unitIds)].map((id) => units.find((u) => u.id === id));
  if (chosen.some((u) => !u)) throw AppError.field('unitIds', 'validation.invalidChoice');
  if (data.internalDueDate < today) throw AppError.field('internalDueDate', 'validation.dateInPast');
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequest(tx, office.id, input.requestId);
    const statutoryDue = before.extendedDueDate ?? before.dueDate;
    if (data.internalDueDate > statutoryDue) {
      throw AppError.field('internalDueDate', 'validation.afterStatutoryDue', {
        date: formatDate(statutoryDue, 'id'),
      });
    }
    const after = await compareAndSet(tx, before, 'dispose', {}, now);
    const actorLabel = eventActorLabel(actor);
    for (const unit of chosen) {
      await tx.insert(requestDispositions).values({
        officeId: office.id,
        requestId: after.id,
        unitId: unit!.id,
        instruction: data.instruction,
        internalDueDate: data.internalDueDate,
        sentAt: now,
        sentBy: actorLabel,
      });
      await addEvent(tx, after, {
        kind: 'DISPOSED',
        actorLabel,
        public: false,
        data: { unit: unit!.name, internalDueDate: data.internalDueDate },
        at: now,
      });
      const mail = unitDispositionMail({
        officeName: office.name,
        unitName: unit!.name,
        number: after.number,
        instruction: data.instruction,
        informationRequested: after.informationRequested.slice(0, 1000),
        internalDueText: formatDate(data.internalDueDate, 'id'),
        requestUrl: staffRequestUrl(ctx.publicUrl, office.slug, after.id),
      });
      for (const to of await unitEmails(tx, office, unit!.id, now)) {
        await queueMail(
          tx,
          office.id,
          { to, ...mail, template: 'unit-disposition', entityType: 'request', entityId: after.id },
          now,
        );
      }
    }
    if (before.status !== after.status)
      await addEvent(tx, after, { kind: 'IN_PROCESS', actorLabel, public: true, at: now });
    await auditRequest(
      tx,
      actor,
      after,
      'disposed',
      { units: chosen.map((u) => u!.id), internalDueDate: data.internalDueDate },
      now,
      before,
    );
    return after;
  });
}
