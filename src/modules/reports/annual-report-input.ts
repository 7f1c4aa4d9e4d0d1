import { z } from 'zod';
import { field } from '../../platform/validation.ts';
import { ANNUAL_REPORT_TEXTS, type AnnualReportText } from './schema.ts';

// The form of the annual report's narrative parts, and the Atasan PPID's decision.

export const annualReportTextsInput = z.object(
  Object.fromEntries(ANNUAL_REPORT_TEXTS.map((k) => [k, field.optionalText(6000)])) as Record<
    AnnualReportText,
    ReturnType<typeof field.optionalText>
  >,
);

export const annualReportDecisionInput = z
  .object({
    decision: z.enum(['APPROVE', 'RETURN']),
    reason: field.optionalText(2000),
  })
  .refine((v) => v.decision === 'APPROVE' || v.reason, {
    path: ['reason'],
    message: 'validation.annual.returnReason',
  });

export const emptyTexts = (): Record<AnnualReportText, string> =>
  Object.fromEntries(ANNUAL_REPORT_TEXTS.map((k) => [k, ''])) as Record<AnnualReportText, string>;

/** Parts that must be written before the report can go to the Atasan PPID. */
export const REQUIRED_TEXTS: AnnualReportText[] = [
  'policy',
  'facilities',
  'budget',
  'obstaclesInternal',
  'obstaclesExternal',
  'recommendations',
];
