import { AppError } from '../../platform/errors.ts';
import { previewByRollback, type LetterFile } from '../casework/preview-letter.ts';
import type { Actor } from '../access/actor.ts';
import { decideRequest } from './decide-request.ts';
import { extendRequest } from './extend-request.ts';
import { renderRequestDocument, type DocumentKind } from './request-documents.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import type { Upload } from './uploads.ts';

/** The steps whose letter can be read before it is issued, and the letters each one draws. */
export const PREVIEW_LETTERS = {
  putusan: ['pemberitahuan-tertulis', 'sk-penolakan'],
  perpanjangan: ['perpanjangan-waktu'],
} as const satisfies Record<string, readonly DocumentKind[]>;
export type PreviewStep = keyof typeof PREVIEW_LETTERS;

/**
 * The letter a step would issue, drawn from what the officer typed, without issuing it (ADR
 * 0070, 0115): the step's own use case runs — same checks, same numbering, same wording — inside
 * a transaction that is then rolled back (casework `previewByRollback`), so nothing is stored,
 * audited or mailed, and the PDF is marked "DRAF" on every page. Files picked
 * for upload are not stored for a preview (the letter names the released files, which it lists
 * only once issued).
 */
export async function previewLetter(
  ctx: RequestsCtx,
  actor: Actor,
  input: {
    officeId: string;
    requestId: string;
    step: PreviewStep;
    kind: DocumentKind;
    data: unknown;
    uploads?: Upload[];
  },
): Promise<LetterFile> {
  if (!(PREVIEW_LETTERS[input.step] as readonly string[]).includes(input.kind)) throw AppError.notFound();
  return previewByRollback(ctx.db, async (tx) => {
    const inTx: RequestsCtx = { ...ctx, db: tx };
    if (input.step === 'putusan') {
      // The preview is asked before the officer confirms a pending disposition: it never issues.
      const data = { ...(input.data as Record<string, unknown>), confirmPendingDispositions: 'true' };
      await decideRequest(inTx, actor, {
        officeId: input.officeId,
        requestId: input.requestId,
        data,
        uploads: [],
      });
    } else {
      await extendRequest(inTx, actor, {
        officeId: input.officeId,
        requestId: input.requestId,
        data: input.data,
      });
    }
    return renderRequestDocument(
      inTx,
      { kind: 'staff', actor, officeId: input.officeId, requestId: input.requestId },
      input.kind,
    );
  });
}
