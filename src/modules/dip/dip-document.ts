import type { Db } from '../../platform/db/database.ts';
import type { Letterhead } from '../../platform/pdf/pdf.ts';
import { letterCity, letterheadOf } from '../offices/letterhead.ts';
import { getOfficeSettings, listUnits, type Office } from '../offices/queries.ts';
import { formatAvailableForms } from './available-forms.ts';
import { contentOf, type DipCategory, type EntryContent } from './model.ts';
import {
  findCycle,
  findVersionOfYear,
  listVersionEntries,
  listWorkingEntries,
  type Cycle,
  type Version,
} from './queries.ts';

// A DIP as a document (Model PPID-A): what the XLSX, CSV and PDF exports all print.

export interface DipDocumentEntry extends EntryContent {
  no: number;
  entryKey: string;
  proposedByUnit: string | null;
}

export interface DipDocument {
  office: Office;
  letterhead: Letterhead;
  city: string;
  year: number;
  revision: number;
  /** DRAFT: a cycle's working list (usulan); PUBLISHED: a frozen version. */
  state: 'DRAFT' | 'PUBLISHED';
  decree: { number: string; date: string; signerName: string; signerTitle: string } | null;
  entries: DipDocumentEntry[];
}

/** The three parts of a DIP, in order, with the headings offices use (UU 14/2008 Pasal 9–11). */
export const CATEGORY_HEADINGS: Record<DipCategory, string> = {
  BERKALA: 'Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala',
  SERTA_MERTA: 'Informasi yang Wajib Diumumkan Secara Serta-Merta',
  SETIAP_SAAT: 'Informasi yang Wajib Tersedia Setiap Saat',
};

export const CATEGORY_WORDS: Record<DipCategory, string> = {
  BERKALA: 'Berkala',
  SERTA_MERTA: 'Serta-merta',
  SETIAP_SAAT: 'Setiap saat',
};

/** Column headers of Model PPID-A (Kep. KPU 156/2015) plus the columns Terbuka adds. */
export const MODEL_A_HEADERS = [
  'No.',
  'Nama Dokumen',
  'Ringkasan Isi Dokumen',
  'Unit Kerja/Satker yang Menguasai Dokumen',
  'Pejabat Penanggung Jawab Penerbitan Informasi',
  'Waktu dan Tempat Penerbitan (atau Jadwal) Informasi',
  'Bentuk Informasi yang Tersedia',
  'Jangka Waktu Penyimpanan/Retensi Arsip',
  'Kategori',
  'DIP Pemilu',
] as const;

/** The cells of a Model PPID-A row after the document's name: from the summary to the retention. */
export function modelADescriptionCells(e: EntryContent): string[] {
  return [
    e.summary,
    e.holdingUnit,
    e.responsibleOfficial,
    e.timeAndPlace,
    formatAvailableForms(e.formats, e.fileTypes),
    e.retention,
  ];
}

export function modelARow(e: DipDocumentEntry): string[] {
  return [
    String(e.no),
    e.documentTitle,
    ...modelADescriptionCells(e),
    CATEGORY_WORDS[e.category],
    e.isElection ? 'Ya' : 'Tidak',
  ];
}

async function frame(db: Db, office: Office) {
  const settings = await getOfficeSettings(db, office.id);
  return { letterhead: letterheadOf(office, settings), city: letterCity(office, settings) };
}

function decreeOf(
  src: Pick<Cycle, 'decreeNumber' | 'decreeDate' | 'decreeSignerName' | 'decreeSignerTitle'>,
): DipDocument['decree'] {
  return src.decreeNumber && src.decreeDate
    ? {
        number: src.decreeNumber,
        date: src.decreeDate,
        signerName: src.decreeSignerName ?? '',
        signerTitle: src.decreeSignerTitle ?? '',
      }
    : null;
}

const ORDER: DipCategory[] = ['BERKALA', 'SERTA_MERTA', 'SETIAP_SAAT'];

function numbered(
  entries: (EntryContent & { entryKey: string; proposedByUnit: string | null })[],
): DipDocumentEntry[] {
  return [...entries]
    .sort((a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category))
    .map((e, i) => ({ ...e, no: i + 1 }));
}

export async function publishedDocument(db: Db, office: Office, version: Version): Promise<DipDocument> {
  const entries = await listVersionEntries(db, office.id, version.id);
  return {
    office,
    ...(await frame(db, office)),
    year: version.year,
    revision: version.revision,
    state: 'PUBLISHED',
    decree: decreeOf(version),
    entries: numbered(
      entries.map((e) => ({ ...contentOf(e), entryKey: e.entryKey, proposedByUnit: e.proposedByUnitName })),
    ),
  };
}

export async function publishedDocumentOfYear(
  db: Db,
  office: Office,
  year: number,
): Promise<DipDocument | undefined> {
  const version = await findVersionOfYear(db, office.id, year);
  return version ? publishedDocument(db, office, version) : undefined;
}

/** A cycle's draft: its included entries (proposals not yet decided are not part of it). */
export async function draftDocument(
  db: Db,
  office: Office,
  cycleId: string,
): Promise<DipDocument | undefined> {
  const cycle = await findCycle(db, office.id, cycleId);
  if (!cycle) return undefined;
  const [entries, units] = await Promise.all([
    listWorkingEntries(db, office.id, cycle.id, { status: ['INCLUDED'] }),
    listUnits(db, office.id, true),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return {
    office,
    ...(await frame(db, office)),
    year: cycle.year,
    revision: cycle.revision,
    state: cycle.status === 'PUBLISHED' ? 'PUBLISHED' : 'DRAFT',
    decree: decreeOf(cycle),
    entries: numbered(
      entries.map((e) => ({
        ...contentOf(e),
        entryKey: e.entryKey,
        proposedByUnit: e.proposedByUnitId ? (unitName.get(e.proposedByUnitId) ?? null) : null,
      })),
    ),
  };
}
