import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { findUnit } from '../offices/queries.ts';
import { staffRequestUpdateMail } from './emails/staff-request-update-mail.ts';
import { staffRequestUrl } from './links.ts';
import { findDisposition, type RequestRow } from './queries.ts';
import { staffEmails } from './recipients.ts';
import {
  activeOffice,
  addEvent,
  auditRequest,
  compareAndSet,
  eventActorLabel,
  loadRequest,
} from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import { checkUploads, saveStaffDocuments, type Upload } from './uploads.ts';
import { markDispositionAnswered, addDispositionFiles } from './write-queries.ts';

export const dispositionAnswerInput = z.object({
  notes: field.text(4000),
  informationHeld: z.enum(['yes', 'no']),
});

/** The unit answers its disposition with notes and the files it holds (once). */
export async function answerDisposition(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; requestId: string; dispositionId: string; data: unknown; uploads: Upload[] },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  const disposition = await findDisposition(ctx.db, office.id, input.dispositionId);
  if (!disposition || disposition.requestId !== input.requestId) throw AppError.notFound();
  if (!canRequests.answerDisposition(actor, office, disposition.unitId)) throw AppError.forbidden();
  const data = parseInput(dispositionAnswerInput, input.data);
  await checkUploads(input.uploads, 'document', ctx.uploadMaxBytes);
  const now = ctx.clock.now();
  const actorLabel = eventActorLabel(actor);
  const unit = await findUnit(ctx.db, office.id, disposition.unitId);
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequest(tx, office.id, input.requestId);
    const after = await compareAndSet(tx, before, 'answerDisposition', {}, now);
    const answered = await markDispositionAnswered(tx, office.id, disposition.id, {
      answeredAt: now,
      answeredBy: actorLabel,
      answerNotes: data.notes,
      informationHeld: data.informationHeld === 'yes',
    });
    if (!answered) throw AppError.conflict('requests.error.alreadyAnswered');
    const saved = await saveStaffDocuments(
      tx,
      ctx,
      input.uploads,
      { officeId: office.id, createdBy: actorLabel },
      now,
    );
    await addDispositionFiles(tx, office.id, disposition.id, saved);
    await addEvent(tx, after, {
      kind: 'DISPOSITION_ANSWERED',
      actorLabel,
      public: false,
      data: { unit: unit?.name ?? '', files: saved.length, informationHeld: data.informationHeld },
      at: now,
    });
    await auditRequest(
      tx,
      actor,
      after,
      'disposition_answered',
      { dispositionId: disposition.id, files: saved.length },
      now,
      before,
    );
    const mail = staffRequestUpdateMail({
      officeName: office.name,
      number: after.number,
      what: `${unit?.name ?? 'Unit'} telah menjawab disposisi`,
      requestUrl: staffRequestUrl(ctx.publicUrl, office.slug, after.id),
    });
    for (const to of await staffEmails(tx, office, ['PPID'], now)) {
      await queueMail(
        tx,
        office.id,
        { to, ...mail, template: 'staff-disposition-answered', entityType: 'request', entityId: after.id },
        now,
      );
    }
    return after;
  });
}
