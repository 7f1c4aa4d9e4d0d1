import { z } from 'zod';
import type { FieldError } from '../../platform/errors.ts';
import { field } from '../../platform/validation.ts';
import { PASAL17_GROUNDS } from '../law/pasal17.ts';
import { DECREE_REACHES } from './schema.ts';
import { MIN_TEXT, periodProblems, subPointProblems, writtenPartProblems } from './test-input.ts';

// The classification decree (Perki 1/2017 Pasal 4(4)) and its entries (the DIK rows), with
// the same quality checks as a consequence test.

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1).max(max));
const flag = z.preprocess(
  (v) =>
    v === 'on' || v === 'true' || v === true || v === '1' || v === 'WHOLE'
      ? true
      : v === 'false' || v === false || v === '0' || v === 'PART'
        ? false
        : v,
  z.boolean(),
);
const ids = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : typeof v === 'string' ? [v] : v),
  z.array(z.uuid()).max(100),
);

export const decreeInput = z.object({
  number: text(120),
  decreeDate: field.isoDate(),
  title: text(300),
  officialName: text(200),
  officialPosition: text(200),
  reasons: text(8000),
  reach: z.enum(DECREE_REACHES).default('OFFICE'),
  testIds: ids,
});
export type DecreeInput = z.output<typeof decreeInput>;

export function decreeProblems(d: DecreeInput): FieldError[] {
  return writtenPartProblems([{ field: 'reasons', value: d.reasons, min: MIN_TEXT.reasons }]);
}

export const entryInput = z.object({
  information: text(1000),
  holderUnit: field.optionalText(200),
  ground: z.preprocess(
    emptyToUndefined,
    z.enum(PASAL17_GROUNDS, { message: 'validation.exemptions.ground' }),
  ),
  subPoint: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(20).optional()),
  legalBasis: text(1000),
  consideration: text(4000),
  whole: flag.default(true),
  periodUntil: field.optionalIsoDate(),
  periodCondition: field.optionalText(500),
  testId: field.optionalUuid(),
});
export type EntryInput = z.output<typeof entryInput>;

export function entryProblems(d: EntryInput, today: string, prefix = ''): FieldError[] {
  const problems = [
    ...writtenPartProblems([
      { field: 'information', value: d.information, min: 10 },
      { field: 'consideration', value: d.consideration, min: MIN_TEXT.consideration },
    ]),
    ...subPointProblems('subPoint', d.ground, d.subPoint),
    ...periodProblems(d, today),
  ];
  return prefix ? problems.map((p) => ({ ...p, field: `${prefix}${p.field}` })) : problems;
}
