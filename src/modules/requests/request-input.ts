import { z } from 'zod';
import type { FieldError } from '../../platform/errors.ts';
import { field } from '../../platform/validation.ts';
import { listOf } from './list-field.ts';
import { normalizeNik } from './nik.ts';
import { ACCESS_METHODS, CATEGORIES, DELIVERY_METHODS, REQUESTER_TYPES } from './schema.ts';

// The request form (Model PPID-B plus the requester types of regulation.md §1.3), the same for
// the public form, the JSON API and desk intake. The NIK's province is checked against the
// office codes by the use case, which knows them.

const manyOf = <T extends readonly [string, ...string[]]>(values: T) =>
  listOf(z.enum(values), 1, values.length);

const optionalNik = z.preprocess(
  (v) => (typeof v === 'string' ? (normalizeNik(v) === '' ? undefined : normalizeNik(v)) : v),
  z.string().max(32).optional(),
);

export interface GroupMember {
  name: string;
  nik: string;
}

/** "Nama; NIK" per line (a comma or tab works too). */
export function parseMembers(text: string): { members: GroupMember[]; badLines: number[] } {
  const members: GroupMember[] = [];
  const badLines: number[] = [];
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .forEach((line, i) => {
      if (!line) return;
      const m = /^(.+?)[;,\t]\s*([\d\s.-]+)$/.exec(line);
      if (!m) badLines.push(i + 1);
      else members.push({ name: m[1]!.trim(), nik: normalizeNik(m[2]!) });
    });
  return { members, badLines };
}

export const requestInput = z.object({
  requesterType: z.enum(REQUESTER_TYPES),
  name: field.text(200),
  nik: optionalNik,
  representativeName: field.optionalText(200),
  legalDocumentNumber: field.optionalText(120),
  members: field.optionalText(20_000),
  address: field.text(500),
  occupation: field.optionalText(120),
  phone: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .regex(/^\+?[0-9 ()-]{6,24}$/, { message: 'validation.phone' })
      .optional(),
  ),
  email: field.optionalEmail(),
  informationRequested: field.text(4000),
  purpose: field.text(2000),
  category: z.enum(CATEGORIES),
  accessMethods: manyOf(ACCESS_METHODS),
  deliveryMethod: z.enum(DELIVERY_METHODS),
  consent: field.checkbox().refine((v) => v, { message: 'validation.consent' }),
});

export type RequestInput = z.output<typeof requestInput>;

function text(raw: Record<string, unknown>, name: string): string {
  const v = raw[name];
  const first = Array.isArray(v) ? (v as unknown[])[0] : v;
  return typeof first === 'string' ? first.trim() : '';
}

/**
 * Rules between fields, checked on the raw input so they are reported together with the
 * per-field problems (one round of corrections, not two).
 */
export function crossFieldProblems(raw: Record<string, unknown>): FieldError[] {
  const problems: FieldError[] = [];
  const need = (field: string, ok: boolean, key = 'validation.required') => {
    if (!ok) problems.push({ field, key });
  };
  const type = text(raw, 'requesterType');
  // A person, and a group's representative, identify with a NIK; a legal entity with its
  // ratification decree (regulation.md §3.2).
  if (type === 'PERORANGAN' || type === 'KELOMPOK') need('nik', text(raw, 'nik') !== '');
  if (type === 'KELOMPOK' || type === 'BADAN_HUKUM')
    need('representativeName', text(raw, 'representativeName') !== '');
  if (type === 'BADAN_HUKUM') need('legalDocumentNumber', text(raw, 'legalDocumentNumber') !== '');
  if (type === 'KELOMPOK') need('members', text(raw, 'members') !== '', 'validation.membersRequired');
  // Model PPID-B asks for "No. Telp/E-mail": at least one way to reach the requester.
  if (!text(raw, 'phone') && !text(raw, 'email'))
    problems.push({ field: 'email', key: 'validation.contactRequired' });
  else if (text(raw, 'deliveryMethod') === 'EMAIL')
    need('email', text(raw, 'email') !== '', 'validation.emailForDelivery');
  return problems;
}
