import type { Db } from '../../platform/db/database.ts';
import { listRedactionsOf, type RedactionRow } from './queries.ts';

// What the decision form shows before the PPID submits (issue 14): why a notice granting in
// part cannot be issued yet with these files. The same rules decideRequest enforces
// (requests/release-choices.ts): no file still being prepared, and at least one released
// softcopy that went through the release step.

export interface ReleaseGate {
  /** Files whose preparation is not finished (rendering, marks not yet applied, applying). */
  pending: string[];
  /** Files never put through the release step. */
  unprepared: string[];
  /** Files with an applied redaction or scrub. */
  redacted: string[];
}

export function releaseGateOf(
  files: readonly { fileId: string; name: string }[],
  prepared: readonly Pick<RedactionRow, 'sourceFileId' | 'resultFileId' | 'status'>[],
): ReleaseGate {
  const gate: ReleaseGate = { pending: [], unprepared: [], redacted: [] };
  for (const f of files) {
    const r = prepared.find((p) => p.sourceFileId === f.fileId || p.resultFileId === f.fileId);
    if (!r) gate.unprepared.push(f.name);
    else if (r.status === 'APPLIED') gate.redacted.push(f.name);
    else if (r.status !== 'FAILED') gate.pending.push(f.name);
    else gate.unprepared.push(f.name);
  }
  return gate;
}

/** The gate for a request's files (the units' answers). */
export async function requestReleaseGate(
  db: Db,
  officeId: string,
  requestId: string,
  files: readonly { fileId: string; name: string }[],
): Promise<ReleaseGate> {
  return releaseGateOf(files, await listRedactionsOf(db, officeId, 'REQUEST', requestId));
}

/** Whether GRANTED_PARTIAL with a softcopy could be issued now, with the files chosen among these. */
export function partialGrantBlocked(g: ReleaseGate): boolean {
  return g.pending.length > 0 || g.redacted.length === 0;
}
