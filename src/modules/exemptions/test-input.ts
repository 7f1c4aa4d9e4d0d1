import { z } from 'zod';
import type { FieldError } from '../../platform/errors.ts';
import { field } from '../../platform/validation.ts';
import { isValidSubPoint, PASAL17, PASAL17_GROUNDS } from '../law/pasal17.ts';
import { TEST_DOCUMENT_KINDS, TEST_OCCASIONS, type TestParticipant } from './schema.ts';

// The consequence test's fields (Perki 1/2021 Pasal 49(2), regulation.md §5.2), and the
// quality checks a schema alone cannot make: a sensible minimum length for each written part,
// not the same text in every part, a sub-point only from the statute's own list.

/** Minimum characters per written part: short enough for a real sentence, too long for "x". */
export const MIN_TEXT = {
  information: 20,
  documentDescription: 10,
  harmAnalysis: 60,
  publicInterest: 60,
  propriety: 30,
  reasons: 40,
  consideration: 40,
} as const;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1).max(max));
const ground = z.preprocess(
  emptyToUndefined,
  z.enum(PASAL17_GROUNDS, { message: 'validation.exemptions.ground' }),
);
const subPoint = z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(20).optional());

/** Participants arrive as lines "Name — Position" from a form, or as objects from the API. */
const participants = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    return v
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [name, ...rest] = l.split(/\s+[—–-]\s+|,\s*/);
        return { name: (name ?? '').trim(), position: rest.join(', ').trim() };
      });
  },
  z
    .array(z.object({ name: z.string().trim().min(3).max(200), position: z.string().trim().min(2).max(200) }))
    .min(1)
    .max(20),
);

const flag = z.preprocess(
  (v) =>
    v === 'on' || v === 'true' || v === true || v === '1'
      ? true
      : v === 'false' || v === false || v === '0'
        ? false
        : v,
  z.boolean(),
);

export const testInput = z.object({
  documentKind: z.enum(TEST_DOCUMENT_KINDS),
  archiveItemId: field.optionalUuid(),
  dipEntryKey: field.optionalText(100),
  documentDescription: text(1000),
  information: text(2000),
  ground,
  subPoint,
  otherStatute: field.optionalText(500),
  harmAnalysis: text(8000),
  publicInterest: text(8000),
  propriety: text(4000),
  closed: z.preprocess((v) => (v === 'CLOSED' ? true : v === 'OPEN' ? false : v), flag),
  whole: z.preprocess((v) => (v === 'WHOLE' ? true : v === 'PART' ? false : v), flag),
  periodUntil: field.optionalIsoDate(),
  periodCondition: field.optionalText(500),
  occasion: z.enum(TEST_OCCASIONS).default('BEFORE_REQUEST'),
  requestId: field.optionalUuid(),
  objectionId: field.optionalUuid(),
  place: text(120),
  heldOn: field.isoDate(),
  participants,
});
export type TestInput = z.output<typeof testInput>;

/** Lower-case letters and digits only, single-spaced: "the same text" ignores punctuation and case. */
export function normalised(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether a written part is token text: too short, or one character/word repeated. */
export function isTokenText(s: string, min: number): boolean {
  const n = normalised(s);
  if (n.replace(/ /g, '').length < min) return true;
  const words = n.split(' ');
  if (new Set(words).size <= Math.max(1, Math.floor(words.length / 8))) return true;
  return new Set(n.replace(/ /g, '')).size < 4;
}

export interface WrittenPart {
  field: string;
  value: string | undefined;
  min: number;
}

/** The quality checks shared by tests, decrees and entries. */
export function writtenPartProblems(parts: WrittenPart[]): FieldError[] {
  const problems: FieldError[] = [];
  for (const p of parts) {
    if (p.value !== undefined && isTokenText(p.value, p.min))
      problems.push({ field: p.field, key: 'validation.exemptions.tooThin', params: { min: p.min } });
  }
  const given = parts.filter((p) => p.value !== undefined && normalised(p.value).length > 0);
  if (given.length >= 2) {
    const first = normalised(given[0]!.value!);
    if (given.every((p) => normalised(p.value!) === first)) {
      for (const p of given.slice(1))
        problems.push({ field: p.field, key: 'validation.exemptions.sameText' });
    }
  }
  return problems;
}

/** Ground and sub-point against the statute's own table. */
export function subPointProblems(
  field: string,
  g: keyof typeof PASAL17,
  sub: number | undefined | null,
): FieldError[] {
  if (sub === undefined || sub === null) return [];
  if (PASAL17[g].subPoints.length === 0)
    return [{ field, key: 'validation.exemptions.noSubPoints', params: { ground: g } }];
  if (!isValidSubPoint(g, sub))
    return [
      {
        field,
        key: 'validation.exemptions.subPointRange',
        params: { ground: g, max: PASAL17[g].subPoints.length },
      },
    ];
  return [];
}

export function periodProblems(
  d: { periodUntil?: string | undefined; periodCondition?: string | undefined },
  today: string,
): FieldError[] {
  if (!d.periodUntil && !d.periodCondition)
    return [{ field: 'periodUntil', key: 'validation.exemptions.periodRequired' }];
  if (d.periodUntil && d.periodUntil <= today)
    return [{ field: 'periodUntil', key: 'validation.exemptions.periodPast' }];
  return [];
}

/** Every check of a consequence test beyond its schema. */
export function testProblems(d: TestInput, today: string): FieldError[] {
  const problems = [
    ...writtenPartProblems([
      { field: 'documentDescription', value: d.documentDescription, min: MIN_TEXT.documentDescription },
      { field: 'information', value: d.information, min: MIN_TEXT.information },
      { field: 'harmAnalysis', value: d.harmAnalysis, min: MIN_TEXT.harmAnalysis },
      { field: 'publicInterest', value: d.publicInterest, min: MIN_TEXT.publicInterest },
      { field: 'propriety', value: d.propriety, min: MIN_TEXT.propriety },
    ]),
    ...subPointProblems('subPoint', d.ground, d.subPoint),
  ];
  if (d.documentKind === 'ARCHIVE' && !d.archiveItemId)
    problems.push({ field: 'archiveItemId', key: 'validation.required' });
  if (d.documentKind === 'DIP' && !d.dipEntryKey)
    problems.push({ field: 'dipEntryKey', key: 'validation.required' });
  if (d.closed) problems.push(...periodProblems(d, today));
  if (d.occasion === 'AT_REQUEST' && !d.requestId)
    problems.push({ field: 'requestId', key: 'validation.required' });
  if (d.occasion === 'KI_ORDER' && !d.objectionId)
    problems.push({ field: 'objectionId', key: 'validation.required' });
  if (d.heldOn > today) problems.push({ field: 'heldOn', key: 'validation.exemptions.future' });
  return problems;
}

export type { TestParticipant };
