import { z } from 'zod';
import { field } from '../../platform/validation.ts';

// An SOP as its form and the templates describe it. Lists are one item per line.

const lines = (max: number) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\r?\n/) : v),
    z
      .array(z.string().trim().max(600))
      .transform((a) => a.filter(Boolean))
      .pipe(z.array(z.string()).max(max)),
  );

export const sopInput = z.object({
  slug: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z
      .string()
      .min(2)
      .max(80)
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'validation.slug' }),
  ),
  number: field.text(120),
  title: field.text(300),
  organization: lines(6),
  madeOn: field.optionalText(60),
  revisedOn: field.optionalText(60),
  effectiveOn: field.optionalText(60),
  approvedOn: field.optionalText(60),
  approverTitle: field.text(200),
  approverName: field.optionalText(200),
  legalBasis: lines(30),
  qualifications: lines(20),
  executorCount: field.optionalText(100),
  relatedSops: lines(20),
  equipment: lines(30),
  warnings: lines(20),
  records: lines(20),
  actorColumns: lines(8).pipe(z.array(z.string()).min(1, { message: 'validation.sop.actorColumns' })),
  published: field.checkbox(),
});

/**
 * What a published SOP must carry as the office's own: its number, the approving official's
 * name and position, and its dates (issue 13 item 8). Asked when a template is adopted, and
 * checked whenever an SOP is saved as published.
 */
export const sopAdoptionInput = z.object({
  number: field.text(120),
  approverTitle: field.text(200),
  approverName: field.text(200),
  madeOn: field.text(60),
  approvedOn: field.text(60),
  effectiveOn: field.text(60),
});

/** The identity fields missing for publishing (a number of "—" or "-" is no number). */
export function missingForPublishing(
  data: Partial<Record<keyof z.output<typeof sopAdoptionInput>, string | null | undefined>>,
): (keyof z.output<typeof sopAdoptionInput>)[] {
  return (['number', 'approverTitle', 'approverName', 'madeOn', 'approvedOn', 'effectiveOn'] as const).filter(
    (k) => {
      const v = data[k]?.trim() ?? '';
      return v === '' || /^[-—–.\s]+$/.test(v);
    },
  );
}

export const sopStepInput = z.object({
  stepNo: field.text(20),
  description: field.text(1000),
  actors: z.preprocess(
    (v): unknown => (Array.isArray(v) ? (v as unknown[]) : typeof v === 'string' ? v.split(/[,;]/) : []),
    z.array(z.string().trim().max(120)).transform((a) => a.filter(Boolean)),
  ),
  requirement: field.optionalText(400),
  timeText: field.optionalText(120),
  output: field.optionalText(400),
  remark: field.optionalText(400),
});

export type SopInput = z.output<typeof sopInput>;
export type SopStepInput = z.output<typeof sopStepInput>;
