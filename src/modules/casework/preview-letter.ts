import type { Db } from '../../platform/db/database.ts';
import { drawnAsDraft } from '../../platform/pdf/pdf.ts';

/** A letter as it is downloaded: its file name and its PDF. */
export interface LetterFile {
  filename: string;
  bytes: Buffer;
}

class PreviewRollback extends Error {
  constructor(readonly doc: LetterFile) {
    super('preview rollback');
  }
}

/**
 * Preview before sending, for any case (a request, an objection; ADR 0070, 0115): `run` takes
 * the step with the form's fields — its own use case, same checks, numbering, officer, dates
 * and wording — and draws the letter the step would issue, both on `tx`; then the transaction
 * is rolled back, so nothing is stored, numbered, audited, added to the timeline or mailed.
 * The PDF is the issued letter's with "DRAF" on every page, named `draf-…`.
 */
export async function previewByRollback(db: Db, run: (tx: Db) => Promise<LetterFile>): Promise<LetterFile> {
  try {
    await db.transaction(async (tx) => {
      const doc = await drawnAsDraft(() => run(tx));
      throw new PreviewRollback({ filename: `draf-${doc.filename}`, bytes: doc.bytes });
    });
  } catch (e) {
    if (e instanceof PreviewRollback) return e.doc;
    throw e;
  }
  throw new Error('unreachable: the preview transaction always rolls back');
}
