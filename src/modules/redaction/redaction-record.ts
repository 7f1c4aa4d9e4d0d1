import type { Db } from '../../platform/db/database.ts';
import { PASAL17, type Pasal17Ground } from '../law/pasal17.ts';
import { acceptedMarksOf, appliedByResultFiles, listRedactionsOf, type MarkRow } from './queries.ts';
import type { RedactionSubject } from './schema.ts';

// The record of what was blacked out and why, as printed in the PPID-D's "bagian yang
// dihitamkan" and shown on the public DIP page. Never the redacted values themselves.

export function reasonText(m: Pick<MarkRow, 'reason' | 'ground' | 'subPoint'>): string {
  if (m.reason === 'PERSONAL_DATA') return 'data pribadi (Pasal 17 huruf h UU 14/2008)';
  const ground = m.ground as Pasal17Ground | null;
  if (!ground || !(ground in PASAL17)) return 'Pasal 17 UU 14/2008';
  return `Pasal 17 huruf ${ground}${m.subPoint ? ` angka ${m.subPoint}` : ''} UU 14/2008 (${PASAL17[ground].title.id})`;
}

export interface RedactionRecordLine {
  fileName: string;
  /** 1-based pages with at least one area. */
  pages: number[];
  areas: number;
  reasons: string[];
  /** For scrubbed spreadsheets: what hidden data was removed. */
  scrubbed: string[];
  appliedBy: string | null;
  appliedAt: Date | null;
}

function scrubbedOf(report: Record<string, unknown> | null): string[] {
  if (!report) return [];
  const out: string[] = [];
  const count = (k: string) =>
    Array.isArray(report[k])
      ? (report[k] as unknown[]).length
      : typeof report[k] === 'number'
        ? report[k]
        : 0;
  const labels: [string, string][] = [
    ['hiddenSheets', 'lembar tersembunyi'],
    ['veryHiddenSheets', 'lembar sangat tersembunyi'],
    ['hiddenRows', 'baris tersembunyi'],
    ['hiddenColumns', 'kolom tersembunyi'],
    ['comments', 'komentar'],
    ['definedNames', 'nama rentang'],
    ['externalLinks', 'tautan eksternal'],
    ['pivotCaches', 'cache pivot'],
    ['properties', 'properti dokumen'],
    ['trackedChanges', 'perubahan terlacak'],
    ['hiddenText', 'teks/objek tersembunyi'],
    ['hiddenSlides', 'slide tersembunyi'],
    ['speakerNotes', 'catatan pembicara'],
    ['documentVariables', 'variabel dokumen'],
    ['embeddedObjects', 'objek tersisip'],
  ];
  for (const [k, label] of labels) if (count(k) > 0) out.push(`${count(k)} ${label}`);
  return out;
}

async function linesOf(
  db: Db,
  officeId: string,
  rows: Awaited<ReturnType<typeof listRedactionsOf>>,
  names: Map<string, string>,
): Promise<RedactionRecordLine[]> {
  const applied = rows.filter((r) => r.status === 'APPLIED');
  const marks = await acceptedMarksOf(
    db,
    officeId,
    applied.map((r) => r.id),
  );
  return applied.map((r) => {
    const mine = marks.filter((m) => m.redactionId === r.id);
    return {
      fileName: names.get(r.id) ?? '',
      pages: [...new Set(mine.map((m) => m.page + 1))].sort((a, b) => a - b),
      areas: mine.length,
      reasons: [...new Set(mine.map(reasonText))],
      scrubbed: r.kind !== 'PDF' ? scrubbedOf(r.report) : [],
      appliedBy: r.appliedBy,
      appliedAt: r.appliedAt,
    };
  });
}

/** The applied redactions of a subject's files (a request's release), with reasons. */
export async function redactionRecord(
  db: Db,
  officeId: string,
  subject: RedactionSubject,
  subjectId: string,
  fileNames: Map<string, string>,
): Promise<RedactionRecordLine[]> {
  const rows = await listRedactionsOf(db, officeId, subject, subjectId);
  const names = new Map(
    rows.map((r) => [r.id, fileNames.get(r.resultFileId ?? '') ?? fileNames.get(r.sourceFileId) ?? '']),
  );
  return linesOf(db, officeId, rows, names);
}

/** For public downloads: which of `fileIds` are redacted copies, and on which grounds. */
export async function redactedFiles(
  db: Db,
  officeId: string,
  fileIds: readonly string[],
): Promise<Map<string, RedactionRecordLine>> {
  const rows = await appliedByResultFiles(db, officeId, fileIds);
  const lines = await linesOf(db, officeId, rows, new Map(rows.map((r) => [r.id, ''])));
  // A copy only stripped of metadata (the sweep's, ADR 0068) is not "redacted": nothing of its content was taken out.
  return new Map(
    rows
      .map((r, i) => [r.resultFileId!, lines[i]!] as const)
      .filter(([, l]) => l.areas > 0 || l.scrubbed.length > 0),
  );
}

/** One line of the PPID-D: "daftar.pdf: halaman 1, 2 (3 bagian) — data pribadi (…)". */
export function recordLineText(l: RedactionRecordLine): string {
  if (l.scrubbed.length > 0 && l.areas === 0)
    return `${l.fileName}: data tersembunyi dihapus (${l.scrubbed.join(', ')})`;
  return `${l.fileName}: halaman ${l.pages.join(', ')} (${l.areas} bagian) — ${l.reasons.join('; ')}`;
}
