import { AppError } from '../../platform/errors.ts';
import { enqueue } from '../../platform/jobs/queue.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { activeOffice } from '../requests/request-steps.ts';
import { findRedaction, listMarks } from './queries.ts';
import type { RedactionCtx } from './redaction-ctx.ts';
import { applyRedactionJob } from './redaction-job-types.ts';
import { mayRedact } from './subjects.ts';
import { updateRedaction } from './write-queries.ts';

/**
 * Releases the file: every suggestion must have been accepted or rejected; a job then writes
 * the redacted (or scrubbed) copy, which takes the original's place for release.
 */
export async function applyRedaction(
  ctx: RedactionCtx,
  actor: Actor,
  input: { officeId: string; redactionId: string },
): Promise<void> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!(await mayRedact(ctx.db, actor, office))) throw AppError.forbidden();
  const r = await findRedaction(ctx.db, office.id, input.redactionId);
  if (!r) throw AppError.notFound();
  const marks = await listMarks(ctx.db, office.id, r.id);
  const undecided = marks.filter((m) => m.status === 'PROPOSED').length;
  if (undecided > 0) throw new AppError('CONFLICT', 'redaction.error.undecided', { count: undecided });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const applying = { status: 'APPLYING' as const, pagesDone: 0, updatedAt: now, appliedBy: actor.label };
    if (!(await updateRedaction(tx, office.id, r.id, applying, 'READY')))
      throw AppError.conflict('redaction.error.notEditable');
    await enqueue(tx, applyRedactionJob, { redactionId: r.id }, { officeId: office.id, now });
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'redaction.apply_requested',
        entityType: 'redaction',
        entityId: r.id,
        before: { status: r.status },
        after: {
          status: 'APPLYING',
          accepted: marks.filter((m) => m.status === 'ACCEPTED').length,
          rejected: marks.filter((m) => m.status === 'REJECTED').length,
        },
      },
      now,
    );
  });
}
