import type { Actor } from '../access/actor.ts';
import { previewByRollback, type LetterFile } from '../casework/preview-letter.ts';
import type { RequestsCtx } from '../requests/requests-ctx.ts';
import { decideObjection } from './decide-objection.ts';
import { renderObjectionDocument } from './objection-documents.ts';

/**
 * The Tanggapan Atasan PPID as the decision would issue it, drawn from the decision form without
 * deciding (ADR 0115): `decideObjection` runs — same permission, checks, dates, order and
 * position — and the letter is drawn from the row it wrote, inside a transaction that is rolled
 * back. The request is not reopened, nothing is audited, added to a timeline or mailed; the PDF
 * carries "DRAF" on every page.
 */
export function previewObjectionAnswer(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; objectionId: string; data: unknown },
): Promise<LetterFile> {
  return previewByRollback(ctx.db, async (tx) => {
    const inTx: RequestsCtx = { ...ctx, db: tx };
    await decideObjection(inTx, actor, input);
    return renderObjectionDocument(
      inTx,
      { kind: 'staff', actor, officeId: input.officeId, objectionId: input.objectionId },
      'tanggapan-atasan-ppid',
    );
  });
}
