import { AppError } from '../../platform/errors.ts';
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

class PreviewRollback extends Error {
  constructor(readonly doc: { filename: string; bytes: Buffer }) {
    super('preview rollback');
  }
}

/**
 * The letter a step would issue, drawn from what the officer typed, without issuing it (ADR
 * 0070): the step's own use case runs — same checks, same numbering, same wording — inside a
 * transaction that is then rolled back, so nothing is stored, audited or mailed. Files picked
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
): Promise<{ filename: string; bytes: Buffer }> {
  if (!(PREVIEW_LETTERS[input.step] as readonly string[]).includes(input.kind)) throw AppError.notFound();
  try {
    await ctx.db.transaction(async (tx) => {
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
      const doc = await renderRequestDocument(
        inTx,
        { kind: 'staff', actor, officeId: input.officeId, requestId: input.requestId },
        input.kind,
      );
      throw new PreviewRollback({ filename: `draf-${doc.filename}`, bytes: doc.bytes });
    });
  } catch (e) {
    if (e instanceof PreviewRollback) return e.doc;
    throw e;
  }
  throw new Error('unreachable: the preview transaction always rolls back');
}
