import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { listRedactionsOf } from '../redaction/queries.ts';
import type { InformationForm, Outcome } from './schema.ts';

/**
 * The files a decision releases, after the release step (issue 14): a file with an applied
 * redaction goes out as its redacted copy; a file still being prepared (rendering, awaiting
 * decisions on suggestions, applying) cannot be released yet; and a notice that grants in
 * part as a softcopy must release at least one redacted copy — otherwise the "bagian yang
 * dihitamkan" it states were not blacked out in anything handed over. (A hardcopy-only grant
 * is blacked out on paper; its files are the office's reference of what was handed over.)
 */
export async function releaseChoices(
  db: Db,
  officeId: string,
  requestId: string,
  decision: { outcome: Outcome; forms: readonly InformationForm[] },
  chosen: readonly string[],
  uploads: number,
): Promise<string[]> {
  const prepared = await listRedactionsOf(db, officeId, 'REQUEST', requestId);
  const out: string[] = [];
  let redacted = 0;
  for (const fileId of chosen) {
    const r = prepared.find((p) => p.sourceFileId === fileId || p.resultFileId === fileId);
    if (!r) {
      out.push(fileId);
      continue;
    }
    if (r.status !== 'APPLIED' || !r.resultFileId)
      throw AppError.field('releaseFileIds', 'validation.redactionPending');
    out.push(r.resultFileId);
    redacted++;
  }
  if (
    decision.outcome === 'GRANTED_PARTIAL' &&
    decision.forms.includes('SOFTCOPY') &&
    chosen.length + uploads > 0 &&
    redacted === 0
  ) {
    throw AppError.field('releaseFileIds', 'validation.redactionMissing');
  }
  return out;
}
