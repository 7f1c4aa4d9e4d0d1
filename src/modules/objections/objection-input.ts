import { z } from 'zod';
import { field } from '../../platform/validation.ts';
import { OBJECTION_GROUNDS } from './grounds.ts';

// The objection form (Model PPID-F, Perki 1/2021 Pasal 39-41): grounds (one or more of Pasal
// 35(1) a–g), the case description (kasus posisi), an optional attorney with a special power
// of attorney, and where to send the answer. Everything else comes from the request.

const list = (v: unknown): unknown[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? (v as unknown[]) : [v];
const phone = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z
    .string()
    .regex(/^\+?[0-9 ()-]{6,24}$/, { message: 'validation.phone' })
    .optional(),
);

export const objectionInput = z.object({
  grounds: z.preprocess(
    list,
    z.array(z.enum(OBJECTION_GROUNDS)).min(1, { message: 'validation.objectionGroundsRequired' }).max(7),
  ),
  caseDescription: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(20).max(5000)),
  attorneyName: field.optionalText(200),
  attorneyAddress: field.optionalText(500),
  attorneyPhone: phone,
  email: field.optionalEmail(),
  phone,
});
export type ObjectionInput = z.output<typeof objectionInput>;

/** Problems that involve several fields: an attorney needs an address (Model PPID-F "identitas kuasa"). */
export function attorneyProblems(data: ObjectionInput): { field: string; key: string }[] {
  if (data.attorneyName && !data.attorneyAddress)
    return [{ field: 'attorneyAddress', key: 'validation.required' }];
  if (!data.attorneyName && (data.attorneyAddress || data.attorneyPhone))
    return [{ field: 'attorneyName', key: 'validation.required' }];
  return [];
}
