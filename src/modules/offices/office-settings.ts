import { z } from 'zod';
import { PERIODS, type PeriodKey } from '../law/periods.ts';
import {
  DEFAULT_CHARTER_ACCESSIBILITY,
  DEFAULT_CHARTER_COMPLAINTS,
  DEFAULT_CHARTER_EVALUATION,
  DEFAULT_CHARTER_GUARANTEE,
  DEFAULT_CHARTER_LEGAL_BASES,
  DEFAULT_CHARTER_PROCEDURE,
} from './charter-defaults.ts';
import { isRegisterPattern } from './register-number.ts';

// Everything an office may set for itself, as one validated document with defaults. A later
// capability adds its own settings here with a default, so no existing office breaks.

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.clockTime' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const DEFAULT_PAYMENT_INSTRUCTIONS =
  'Tunai di meja layanan informasi pada saat salinan diambil; pemohon menerima tanda bukti pembayaran.';

const days = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);
/** A statutory period: the law's figure is the default and the ceiling (an office may be faster). */
const period = (key: PeriodKey) => days(PERIODS[key].ceiling, PERIODS[key].days);

// Statutory numbers of the request service, as per-office data (issue 3, "Deadline profiles");
// defaults and ceilings from modules/law/periods.ts.
const requestServiceSettings = z
  .object({
    /** UU 14/2008 Pasal 22(7): written notice within 10 working days of receipt. */
    standardDays: period('requestResponse'),
    /** UU 14/2008 Pasal 22(8): one extension of at most 7 working days, with written reasons. */
    standardExtensionDays: period('requestExtension'),
    /** Perki 1/2019 Pasal 12: election-stage information 3 + 2 working days; an office opts in. */
    electionProfileEnabled: z.boolean().default(false),
    electionDays: period('electionResponse'),
    electionExtensionDays: period('electionExtension'),
    /** Working days a requester has to complete an incomplete request (regulation.md §3.2). */
    completionDays: period('requestCompletion'),
    /**
     * The 10-day clock starts again when an incomplete request is completed: a KPU practice
     * (seed 002), not UU 14/2008 Pasal 22(7). Off = the clock runs from the first receipt.
     */
    restartClockOnCompletion: z.boolean().default(true),
    /** Actual copying cost per page in rupiah (regulation.md §3.6; the service itself is free). */
    copyFeePerPage: z.number().int().min(0).max(100_000).default(500),
    /**
     * How a requester pays the copying costs, printed on Model PPID-D when a fee is charged
     * (issue 13 item 10). The default is the lawful minimum: cash at the desk, with a receipt.
     */
    paymentInstructions: z.string().trim().min(1).max(500).default(DEFAULT_PAYMENT_INSTRUCTIONS),
    /** Electronic copies cost nothing by default (regulation.md §3.6, PA Limboto example). */
    softcopyFree: z.boolean().default(true),
    /** Days a released file stays downloadable through its link. */
    downloadLinkDays: days(90, 14),
    /** Staff are reminded this many working days before a due date. */
    reminderWorkingDays: z.number().int().min(0).max(10).default(2),
  })
  .prefault({});

// Objections and disputes (issue 4). The statutory periods (UU 14/2008 Pasal 36-37) are in
// modules/objections/objection-deadlines.ts; what an office may set is here.
const objectionSettings = z
  .object({
    /** Nomor registrasi keberatan (Perki 1/2021 Pasal 41): the office's own pattern. */
    numberPattern: z
      .string()
      .trim()
      .max(120)
      .refine(isRegisterPattern, { message: 'validation.registerPattern' })
      .default('{seq:03}/KEB/{officeCode}/{romanMonth}/{year}'),
    /** Perki 1/2019 Pasal 14: objections on election information answered in 3 working days. */
    electionAnswerDays: period('electionObjectionAnswer'),
    /** The Atasan PPID is reminded this many working days before the answer is due. */
    reminderWorkingDays: z.number().int().min(0).max(10).default(5),
    /** A Komisi Informasi Kabupaten/Kota exists for this office (UU 14/2008 Pasal 24(3)). */
    kabkotaCommission: z.boolean().default(false),
    /** The commission's name as the requester should write it; empty = derived from the region. */
    commissionName: optionalText(200),
    /** Printed under the Atasan PPID's name, e.g. "Sekretaris KPU Kota Bandung". */
    atasanPosition: optionalText(200),
  })
  .prefault({});

// Exempt information (issue 10, seed 004): who approves a consequence test and a decree, in
// order, and whether a KPU Provinsi's decree may reach its kabupaten/kota (PKPU 4/2025 is
// unverified, so the national admin decides: read from the root office's settings).
const exemptionSettings = z
  .object({
    approvalChain: z
      .array(z.enum(['PEMBINA_PPID', 'TIM_PERTIMBANGAN', 'ATASAN_PPID']))
      .min(1)
      .max(3)
      .refine((c) => new Set(c).size === c.length, { message: 'validation.exemptions.chainRepeats' })
      .default(['PEMBINA_PPID', 'TIM_PERTIMBANGAN', 'ATASAN_PPID']),
    provincesReachDown: z.boolean().default(false),
    /** Seed 004: the list is reviewed at least twice a year. */
    reviewMonths: z.number().int().min(1).max(12).default(6),
  })
  .prefault({});

// The release step (issue 14): whether the desk (Petugas Layanan) may black out and prepare
// files for release as well as the PPID, and the names the detector always suggests (people
// whose names must not go out, e.g. ad hoc staff or complainants), managed by the PPID.
export const RELEASE_NAMES_MAX = 500;
const redactionSettings = z
  .object({
    petugasMayRedact: z.boolean().default(false),
    names: z.array(z.string().trim().min(3).max(120)).max(RELEASE_NAMES_MAX).default([]),
  })
  .prefault({});

// The Maklumat Pelayanan (Perki 1/2021 Pasal 47, ADR 0092): the texts the PPID edits, with
// lawful defaults. Its completion times and fees are never stored here: they are drawn from
// `requests` and `objections` above (modules/offices/charter.ts).
export const CHARTER_LIST_MAX = 20;
const charterText = (fallback: string) => z.string().trim().min(1).max(2000).default(fallback);
const charterList = (fallback: readonly string[]) =>
  z
    .array(z.string().trim().min(1).max(500))
    .min(1)
    .max(CHARTER_LIST_MAX)
    .default(() => [...fallback]);
const charterSettings = z
  .object({
    legalBases: charterList(DEFAULT_CHARTER_LEGAL_BASES),
    procedure: charterList(DEFAULT_CHARTER_PROCEDURE),
    guarantee: charterText(DEFAULT_CHARTER_GUARANTEE),
    evaluation: charterText(DEFAULT_CHARTER_EVALUATION),
    complaints: charterText(DEFAULT_CHARTER_COMPLAINTS),
    accessibility: charterText(DEFAULT_CHARTER_ACCESSIBILITY),
    /** The office's local date the PPID last set the charter; null = never (the defaults stand). */
    adoptedOn: z.iso
      .date()
      .nullish()
      .transform((v) => v ?? null),
  })
  .prefault({});

export const officeSettingsSchema = z.object({
  letterhead: z
    .object({
      /** Lines of the kop surat in capitals; empty = derived from the office name. */
      titleLines: z.array(z.string().trim().min(1).max(120)).max(4).default([]),
      address: optionalText(300),
      phone: optionalText(60),
      email: z
        .email()
        .nullish()
        .transform((v) => v ?? null),
      website: optionalText(200),
      logoFileId: z
        .uuid()
        .nullish()
        .transform((v) => v ?? null),
      /** Place used in "Bandung, 21 November 2026" under letters. */
      city: optionalText(80),
    })
    .prefault({}),
  workingHours: z.object({ start: clock.default('07:30'), end: clock.default('16:00') }).prefault({}),
  /** Submissions after this local time count as received on the next working day. */
  cutoff: clock.default('16:00'),
  dayCounting: z.enum(['NEXT_DAY_IS_DAY_ONE', 'RECEIPT_DAY_IS_DAY_ONE']).default('NEXT_DAY_IS_DAY_ONE'),
  registerNumberPattern: z
    .string()
    .trim()
    .max(120)
    .refine(isRegisterPattern, { message: 'validation.registerPattern' })
    .default('{seq:03}/PPID/{officeCode}/{romanMonth}/{year}'),
  requests: requestServiceSettings,
  objections: objectionSettings,
  exemptions: exemptionSettings,
  redaction: redactionSettings,
  charter: charterSettings,
  publicContact: z
    .object({
      email: z
        .email()
        .nullish()
        .transform((v) => v ?? null),
      phone: optionalText(60),
      whatsapp: optionalText(60),
      address: optionalText(300),
      serviceHours: optionalText(200),
    })
    .prefault({}),
});

export type OfficeSettings = z.output<typeof officeSettingsSchema>;

// Stored periods above today's ceilings (set before the ceilings existed) are read as the
// ceiling, so an office that once set "60" is counted at the law's 10, not reset to defaults.
const CEILINGS: Record<'requests' | 'objections', Record<string, PeriodKey>> = {
  requests: {
    standardDays: 'requestResponse',
    standardExtensionDays: 'requestExtension',
    electionDays: 'electionResponse',
    electionExtensionDays: 'electionExtension',
    completionDays: 'requestCompletion',
  },
  objections: { electionAnswerDays: 'electionObjectionAnswer' },
};

function clampToCeilings(stored: unknown): unknown {
  if (!stored || typeof stored !== 'object') return stored;
  const out: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  for (const [section, fields] of Object.entries(CEILINGS)) {
    const part = out[section];
    if (!part || typeof part !== 'object') continue;
    const copy: Record<string, unknown> = { ...(part as Record<string, unknown>) };
    for (const [name, key] of Object.entries(fields)) {
      const v = copy[name];
      if (typeof v === 'number' && v > PERIODS[key].ceiling) copy[name] = PERIODS[key].ceiling;
    }
    out[section] = copy;
  }
  return out;
}

/** Stored settings merged over the defaults; unreadable parts fall back to defaults. */
export function readOfficeSettings(stored: unknown): OfficeSettings {
  const parsed = officeSettingsSchema.safeParse(clampToCeilings(stored ?? {}));
  return parsed.success ? parsed.data : officeSettingsSchema.parse({});
}
