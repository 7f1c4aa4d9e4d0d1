import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests, hasRole } from '../access/permissions.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import { PPID_TITLE } from './decide-request.ts';
import { issueDecision } from './issue-decision.ts';
import { listOf } from './list-field.ts';
import { officerOf } from './officer.ts';
import type { RequestRow } from './queries.ts';
import { activeOffice, compareAndSet, eventActorLabel, loadRequest } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import { DELIVERY_METHODS, INFORMATION_FORMS } from './schema.ts';
import { checkUploads, saveStaffDocuments, type Upload } from './uploads.ts';

export const deskAnswerInput = z.object({
  materialDescription: field.text(4000),
  forms: listOf(z.enum(INFORMATION_FORMS), 1, 2),
  deliveryMethod: z.preprocess((v) => (v === '' ? undefined : v), z.enum(DELIVERY_METHODS).optional()),
  explanation: field.optionalText(2000),
});

/**
 * Seed 002 step 2: information that is already public and not exempt is given at the desk at
 * once (target 15 minutes), recorded as a written notice granting it in full.
 */
export async function answerRequestAtDesk(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; requestId: string; data: unknown; uploads: Upload[] },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.intakeRequests(actor, office)) throw AppError.forbidden();
  const data = parseInput(deskAnswerInput, input.data);
  await checkUploads(input.uploads, 'document', ctx.uploadMaxBytes);
  const now = ctx.clock.now();
  const [settings, officer] = await Promise.all([
    getOfficeSettings(ctx.db, office.id),
    officerOf(ctx.db, actor),
  ]);
  const title = hasRole(actor, office, 'PPID') ? PPID_TITLE : 'Petugas Layanan Informasi';
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequest(tx, office.id, input.requestId);
    const saved = await saveStaffDocuments(
      tx,
      ctx,
      input.uploads,
      { officeId: office.id, createdBy: eventActorLabel(actor) },
      now,
    );
    const after = await compareAndSet(tx, before, 'answerAtDesk', { decidedAt: now }, now);
    await issueDecision(
      tx,
      ctx,
      actor,
      office,
      settings,
      before,
      after,
      {
        outcome: 'GRANTED_FULL',
        atDesk: true,
        officer: { ...officer, title },
        materialDescription: data.materialDescription,
        forms: data.forms,
        provisionTime: 'Saat itu juga di meja layanan',
        deliveryMethod: data.deliveryMethod ?? before.deliveryMethod,
        explanation: data.explanation,
        releasedFileIds: saved.map((f) => f.id),
      },
      now,
    );
    return after;
  });
}
