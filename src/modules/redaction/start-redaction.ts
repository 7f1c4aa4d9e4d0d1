import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { enqueue } from '../../platform/jobs/queue.ts';
import { readFileContent, saveFile, withFileUnit } from '../../platform/storage/file-store.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { activeOffice } from '../requests/request-steps.ts';
import { listRedactionsOf } from './queries.ts';
import type { RedactionCtx } from './redaction-ctx.ts';
import { renderRedactionJob } from './redaction-job-types.ts';
import { redactions, REDACTION_SUBJECTS, type RedactionKind } from './schema.ts';
import { candidateFiles, mayRedact } from './subjects.ts';
import { OFFICE_FORMAT_OF } from './office-scrub.ts';
import { XLSX_TYPE } from './xlsx-scrub.ts';

export const startInput = z.object({
  subject: z.enum(REDACTION_SUBJECTS),
  subjectId: field.uuid(),
  fileId: field.uuid(),
  /** More names to suggest (one per line), e.g. people the office knows appear in the file. */
  names: field.optionalText(2000),
});

export const KIND_OF: Record<string, RedactionKind> = {
  'application/pdf': 'PDF',
  [XLSX_TYPE]: 'XLSX',
  ...OFFICE_FORMAT_OF,
};

/**
 * Starts preparing a file for release: an encrypted copy of the original is kept (the
 * marking view and the engine read only that), and a job renders the pages and looks for
 * personal data. Starting again on a file already being prepared returns that preparation.
 */
export async function startRedaction(
  ctx: RedactionCtx,
  actor: Actor,
  input: { officeId: string; data: unknown },
): Promise<{ id: string }> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!(await mayRedact(ctx.db, actor, office))) throw AppError.forbidden();
  const data = parseInput(startInput, input.data);
  const candidates = await candidateFiles(ctx.db, office.id, data.subject, data.subjectId);
  if (!candidates) throw AppError.notFound();
  const file = candidates.find((f) => f.fileId === data.fileId);
  if (!file) throw AppError.field('fileId', 'validation.invalidChoice');
  const kind = KIND_OF[file.mediaType];
  if (!kind) throw AppError.field('fileId', 'redaction.error.kind');
  const existing = (await listRedactionsOf(ctx.db, office.id, data.subject, data.subjectId)).find(
    (r) => r.sourceFileId === file.fileId || r.resultFileId === file.fileId,
  );
  if (existing) return { id: existing.id };
  const content = await readFileContent(ctx.db, ctx.files, office.id, file.fileId);
  if (!content) throw AppError.notFound();
  const now = ctx.clock.now();
  const names = (data.names ?? '')
    .split(/\r?\n|;/)
    .map((n) => n.trim())
    .filter((n) => n.length >= 3)
    .slice(0, 50);
  return withFileUnit(ctx.db, ctx.files, (files) =>
    ctx.db.transaction(async (tx) => {
      const original = await saveFile(tx, files, {
        officeId: office.id,
        bytes: content.bytes,
        originalName: content.file.originalName,
        purpose: 'document',
        maxBytes: Math.max(ctx.uploadMaxBytes, content.bytes.length),
        encrypt: true,
        createdBy: actor.label,
        field: 'fileId',
        now,
      });
      const [row] = await tx
        .insert(redactions)
        .values({
          officeId: office.id,
          subject: data.subject,
          subjectId: data.subjectId,
          sourceFileId: file.fileId,
          originalFileId: original.id,
          kind,
          status: 'RENDERING',
          createdAt: now,
          createdBy: actor.label,
          updatedAt: now,
        })
        .returning();
      await enqueue(tx, renderRedactionJob, { redactionId: row!.id, names }, { officeId: office.id, now });
      await auditAs(
        tx,
        actor,
        {
          officeId: office.id,
          action: 'redaction.started',
          entityType: 'redaction',
          entityId: row!.id,
          after: {
            subject: data.subject,
            subjectId: data.subjectId,
            sourceFileId: file.fileId,
            sha256: content.file.sha256,
            kind,
          },
        },
        now,
      );
      return { id: row!.id };
    }),
  );
}
