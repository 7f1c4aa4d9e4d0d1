import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { field } from '../../platform/validation.ts';
import { normalizeFileType } from './available-forms.ts';
import { DIP_CATEGORIES, DIP_FORMATS, type EntryContent } from './model.ts';

// One schema for a DIP entry, whether it comes from a form (strings, repeated checkboxes),
// the JSON API (arrays, booleans) or an imported row.

const list = (v: unknown): unknown => {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v.filter((x) => x !== '');
  if (typeof v === 'string')
    return v
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return v;
};

const fileTypes = z.preprocess(
  list,
  z
    .array(z.string().max(20))
    .max(12)
    .transform((types, ctx) => {
      const out: string[] = [];
      for (const t of types) {
        const n = normalizeFileType(t);
        if (!n) ctx.addIssue({ code: 'custom', message: 'validation.dip.fileType' });
        else if (!out.includes(n)) out.push(n);
      }
      return out;
    }),
);

export const entryContentInput = z
  .object({
    category: z.enum(DIP_CATEGORIES, { message: 'validation.dip.category' }),
    documentTitle: field.text(300),
    summary: field.text(2000),
    holdingUnit: field.text(200),
    responsibleOfficial: field.text(200),
    timeAndPlace: field.text(300),
    formats: z.preprocess(
      list,
      z.array(z.enum(DIP_FORMATS)).min(1, { message: 'validation.dip.formats' }).max(2),
    ),
    fileTypes,
    retention: field.text(120),
    isElection: field.checkbox(),
    archiveItemIds: z
      .preprocess(list, z.array(z.uuid({ message: 'validation.invalidId' })).max(50))
      .default([]),
  })
  .refine((v) => v.fileTypes.length === 0 || v.formats.includes('SOFTCOPY'), {
    path: ['fileTypes'],
    message: 'validation.dip.fileTypesNeedSoftcopy',
  });

export type EntryContentInput = z.output<typeof entryContentInput>;

export function toContent(v: EntryContentInput): EntryContent {
  return { ...v, formats: [...new Set(v.formats)], archiveItemIds: [...new Set(v.archiveItemIds)] };
}

/** A fresh key for a new entry; it stays with the entry from year to year (for the diff). */
export const newEntryKey = (): string => randomUUID();
