import type { Role } from '../people/schema.ts';

// The vocabulary of the DIP (Daftar Informasi Publik) module, as data next to its types.

/** UU 14/2008 Pasal 9, 10 and 11(1): the three categories of public information in a DIP. */
export const DIP_CATEGORIES = ['BERKALA', 'SERTA_MERTA', 'SETIAP_SAAT'] as const;
export type DipCategory = (typeof DIP_CATEGORIES)[number];

/** Forms in which information is available (Perki 1/2010 Lampiran II column 6). */
export const DIP_FORMATS = ['SOFTCOPY', 'HARDCOPY'] as const;
export type DipFormat = (typeof DIP_FORMATS)[number];

/** File types an office may list as available softcopy formats. */
export const DIP_FILE_TYPES = [
  'PDF',
  'DOC',
  'DOCX',
  'XLS',
  'XLSX',
  'CSV',
  'ODT',
  'ODS',
  'PPT',
  'PPTX',
  'JPG',
  'PNG',
  'MP3',
  'MP4',
  'ZIP',
  'HTML',
  'TXT',
] as const;
export type DipFileType = (typeof DIP_FILE_TYPES)[number];

/**
 * What a step of the office's DIP procedure does in Terbuka. The SOP rows of seeds 000 and
 * 001 map onto these; the office admin chooses one per step.
 * - TASK: any activity that ends with an output written down.
 * - DISPOSITION: an instruction from one official to another (lembar disposisi).
 * - NOTA_DINAS: drafting the nota dinas (number, addressee, subject, text).
 * - REVIEW: correcting/approving; may send the cycle back.
 * - SIGN: signing the latest nota dinas.
 * - COLLECT: units (PPID Pembantu) propose entries until the step is closed.
 * - CONSOLIDATE: the proposals are accepted or rejected into the proposed DIP (usulan DIP).
 * - DECREE: the DIP is set by decree (Keputusan penetapan, with number and date).
 * - PUBLISH: the DIP is published; the year is frozen as a version.
 */
export const STEP_KINDS = [
  'TASK',
  'DISPOSITION',
  'NOTA_DINAS',
  'REVIEW',
  'SIGN',
  'COLLECT',
  'CONSOLIDATE',
  'DECREE',
  'PUBLISH',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/**
 * Units of an SOP's time standard (mutu baku, "Waktu" column). "hari" in the seeds is read as
 * a working day (the seeds are office procedures); a week and a month are calendar periods.
 * WORKING_HOURS is seed 003's "pada hari dan jam kerja": done on a working day within the
 * office's working hours.
 */
export const TIME_UNITS = [
  'MINUTE',
  'HOUR',
  'WORKING_DAY',
  'CALENDAR_DAY',
  'WEEK',
  'MONTH',
  'WORKING_HOURS',
] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export interface TimeStandard {
  amount: number | null;
  unit: TimeUnit | null;
  /** As written in the SOP, e.g. "1 (satu) minggu". */
  text: string | null;
}

/** One step of an office's DIP procedure (and of a cycle's copy of it). */
export interface ProcedureStep {
  position: number;
  /** The SOP in the office's register this step comes from (its slug), if any. */
  sopSlug: string | null;
  /** The row number in that SOP's step table, e.g. "9". */
  sopStepNo: string;
  kind: StepKind;
  title: string;
  /** The executor as the SOP names it, e.g. "Sekretaris" or "Pleno". */
  actorLabel: string;
  /** The role in Terbuka that acts for that executor. */
  role: Role;
  requirement: string | null;
  time: TimeStandard;
  output: string | null;
}

export const CYCLE_STATUSES = ['ACTIVE', 'PUBLISHED', 'CANCELLED'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/** A working entry of a cycle: proposed by a unit, included in the draft DIP, or rejected. */
export const ENTRY_STATUSES = ['PROPOSED', 'INCLUDED', 'REJECTED'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const RUN_OUTCOMES = ['COMPLETED', 'SENT_BACK'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

/** The content of a DIP entry (Model PPID-A plus category, formats and the election flag). */
export interface EntryContent {
  category: DipCategory;
  documentTitle: string;
  summary: string;
  holdingUnit: string;
  responsibleOfficial: string;
  timeAndPlace: string;
  formats: DipFormat[];
  fileTypes: string[];
  retention: string;
  /** DIP Pemilu (Perki 1/2019): an election-specific entry is a flag, not a copy. */
  isElection: boolean;
  archiveItemIds: string[];
}

/** The descriptive columns of Model PPID-A, in the form's order (entries, imports and exports share it). */
export const MODEL_A_FIELDS = [
  'documentTitle',
  'summary',
  'holdingUnit',
  'responsibleOfficial',
  'timeAndPlace',
] as const;

export const ENTRY_CONTENT_FIELDS = [
  'category',
  ...MODEL_A_FIELDS,
  'formats',
  'fileTypes',
  'retention',
  'isElection',
  'archiveItemIds',
] as const satisfies readonly (keyof EntryContent)[];

/** The fields `fields` of an entry, as a new object (no other property comes along). */
export function pickFields<T, K extends keyof T>(e: T, fields: readonly K[]): Pick<T, K> {
  return Object.fromEntries(fields.map((f) => [f, e[f]])) as Pick<T, K>;
}

/** The content of an entry (working, published or imported), without its bookkeeping. */
export function contentOf(e: EntryContent): EntryContent {
  return pickFields(e, ENTRY_CONTENT_FIELDS);
}
