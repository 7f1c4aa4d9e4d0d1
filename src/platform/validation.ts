import { z } from 'zod';
import { AppError, type FieldError } from './errors.ts';

// Every boundary (form, JSON body, query string, CSV row, job payload) is a zod schema.
// Problems become FieldErrors carrying translation keys, never zod's English sentences.

function keyOf(issue: z.core.$ZodIssue): { key: string; params?: Record<string, string | number> } {
  if (issue.message.startsWith('validation.')) return { key: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? { key: 'validation.required' }
        : { key: 'validation.invalidType' };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { key: 'validation.required' }
          : { key: 'validation.tooShort', params: { min: Number(issue.minimum) } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { key: 'validation.tooFewItems', params: { min: Number(issue.minimum) } };
      }
      return { key: 'validation.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string')
        return { key: 'validation.tooLong', params: { max: Number(issue.maximum) } };
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { key: 'validation.tooManyItems', params: { max: Number(issue.maximum) } };
      }
      return { key: 'validation.tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'validation.email' };
      if (issue.format === 'url') return { key: 'validation.url' };
      if (issue.format === 'uuid') return { key: 'validation.invalidId' };
      if (issue.format === 'datetime') return { key: 'validation.datetime' };
      if (issue.format === 'date') return { key: 'validation.date' };
      return { key: 'validation.format' };
    case 'invalid_value':
      // The allowed values are codes (TAHAPAN_PEMILU): never shown to a person (issue 13 item 11).
      // A schema whose choices have labels names them with its own message (validation.holidayKind).
      return { key: 'validation.oneOf' };
    case 'unrecognized_keys':
      return { key: 'validation.unknownField' };
    default:
      return { key: 'validation.invalid' };
  }
}

export function fieldErrorOfIssue(issue: z.core.$ZodIssue): FieldError {
  const { key, params } = keyOf(issue);
  const field = issue.path.map(String).join('.') || '_';
  if (issue.code === 'unrecognized_keys') return { field: issue.keys.join(', '), key };
  return params ? { field, key, params } : { field, key };
}

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map(fieldErrorOfIssue);
}

/** Parses `input` with `schema`; throws a VALIDATION AppError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw AppError.validation(fieldErrorsOf(result.error));
  return result.data;
}

/**
 * Control characters other than tab, newline and carriage return: a NUL byte cannot be stored
 * in a PostgreSQL text column, and the rest only hide or spoof text. Refused everywhere text
 * comes in (defect 6 of issue 12): here for every text field, and by the web layer for JSON
 * bodies and query strings (src/web/control-chars.ts).
 */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const hasControlChars = (v: string): boolean => CONTROL_CHARS.test(v);
const noControl = (s: z.ZodString) =>
  s.refine((v) => !hasControlChars(v), { message: 'validation.controlChars' });

// Form fields arrive as strings; an empty box means "not given".
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

export const field = {
  text: (max = 500) => z.preprocess(trimmed, noControl(z.string().min(1).max(max))),
  optionalText: (max = 500) =>
    z.preprocess(emptyToUndefined, noControl(z.string().trim().max(max)).optional()),
  email: () =>
    z.preprocess(
      trimmed,
      z
        .email()
        .max(254)
        .transform((v) => v.toLowerCase()),
    ),
  optionalEmail: () =>
    z.preprocess(
      emptyToUndefined,
      z
        .email()
        .max(254)
        .transform((v) => v.toLowerCase())
        .optional(),
    ),
  isoDate: () => z.preprocess(trimmed, z.iso.date()),
  optionalIsoDate: () => z.preprocess(emptyToUndefined, z.iso.date().optional()),
  uuid: () => z.preprocess(trimmed, z.uuid()),
  optionalUuid: () => z.preprocess(emptyToUndefined, z.uuid().optional()),
  clockTime: () =>
    z.preprocess(trimmed, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.clockTime' })),
  checkbox: () => z.preprocess((v) => v === 'on' || v === 'true' || v === true || v === '1', z.boolean()),
  int: (min: number, max: number) =>
    z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max)),
};
