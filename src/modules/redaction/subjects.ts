import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { findArchiveItem, listItemFiles } from '../archive/queries.ts';
import { replaceArchiveFile } from '../archive/replace-archive-file.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import {
  findRequest,
  listDispositionFiles,
  listDispositions,
  listReleasedFiles,
} from '../requests/queries.ts';
import { replaceReleasedFile } from '../requests/write-queries.ts';
import type { RedactionSubject } from './schema.ts';

// Where a file leaves the office, and who may prepare it: blacking out is the PPID's act
// (UU 14/2008 Pasal 22(7)e), or the desk's where the office delegates it, for a request's
// release and for an archive softcopy (the DIP's public documents) alike. Each owning module
// changes its own tables.

export interface CandidateFile {
  fileId: string;
  name: string;
  mediaType: string;
}

/**
 * The PPID always; the Petugas Layanan too where the office allows it (setting
 * `redaction.petugasMayRedact`, issue 14). Deciding the request stays the PPID's.
 */
export async function mayRedact(db: Db, actor: Actor, office: Office): Promise<boolean> {
  if (canRequests.decideRequests(actor, office)) return true;
  if (!canRequests.intakeRequests(actor, office)) return false;
  return (await getOfficeSettings(db, office.id)).redaction.petugasMayRedact;
}

/** The office's list of names the detector always suggests (managed by the PPID). */
export async function officeNames(db: Db, officeId: string): Promise<string[]> {
  return (await getOfficeSettings(db, officeId)).redaction.names;
}

/** The files of the subject that may be prepared for release; undefined when the subject does not exist. */
export async function candidateFiles(
  db: Db,
  officeId: string,
  subject: RedactionSubject,
  subjectId: string,
): Promise<CandidateFile[] | undefined> {
  if (subject === 'REQUEST') {
    const request = await findRequest(db, officeId, subjectId);
    if (!request) return undefined;
    const dispositions = await listDispositions(db, officeId, subjectId);
    const [unit, released] = await Promise.all([
      listDispositionFiles(
        db,
        officeId,
        dispositions.map((d) => d.id),
      ),
      listReleasedFiles(db, officeId, subjectId),
    ]);
    const seen = new Set<string>();
    return [...unit, ...released].filter((f) => (seen.has(f.fileId) ? false : (seen.add(f.fileId), true)));
  }
  const item = await findArchiveItem(db, officeId, subjectId);
  if (!item) return undefined;
  return listItemFiles(db, officeId, [item.id]);
}

/** Names to look for besides the detectors' patterns (the requester's own, for a request). */
export async function subjectNames(
  db: Db,
  officeId: string,
  subject: RedactionSubject,
  subjectId: string,
): Promise<string[]> {
  if (subject !== 'REQUEST') return [];
  const request = await findRequest(db, officeId, subjectId);
  return request ? [request.requesterName, request.representativeName].filter((n): n is string => !!n) : [];
}

/** Puts the released copy in place where the original was already chosen for release. */
export async function putReleasedCopy(
  tx: Db,
  officeId: string,
  subject: RedactionSubject,
  subjectId: string,
  oldFileId: string,
  newFileId: string,
  by: string,
  now: Date,
): Promise<void> {
  if (subject === 'REQUEST') await replaceReleasedFile(tx, officeId, subjectId, oldFileId, newFileId, now);
  else await replaceArchiveFile(tx, officeId, subjectId, oldFileId, newFileId, by, now);
}
