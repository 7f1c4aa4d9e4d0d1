import { z } from 'zod';
import { field } from '../../platform/validation.ts';
import { listOf } from './list-field.ts';
import { DELIVERY_METHODS, EXEMPTION_GROUNDS, INFORMATION_FORMS, OUTCOMES } from './schema.ts';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const list = <T extends z.ZodType>(item: T, max: number) => listOf(item, 0, max);

// The written notice's fields (Model PPID-D, regulation.md §3.4 and §9; UU 14/2008 Pasal
// 22(7)), with what each outcome must state.
export const decisionInput = z
  .object({
    outcome: z.enum(OUTCOMES),
    materialDescription: field.optionalText(4000),
    forms: list(z.enum(INFORMATION_FORMS), 2),
    provisionTime: field.optionalText(200),
    holderBody: field.optionalText(300),
    redactedParts: field.optionalText(2000),
    redactionReason: field.optionalText(2000),
    exemptionGround: z.preprocess(emptyToUndefined, z.enum(EXEMPTION_GROUNDS).optional()),
    exemptionSubPoint: field.optionalText(20),
    /** Issue 10: the DIK entry in force, or the consequence test held at this request, that the refusal rests on. */
    exemptionEntryId: field.optionalUuid(),
    exemptionTestId: field.optionalUuid(),
    legalBasis: field.optionalText(1000),
    harmAnalysis: field.optionalText(4000),
    publicInterestAnalysis: field.optionalText(4000),
    exemptionPeriod: field.optionalText(200),
    testParticipants: field.optionalText(1000),
    documentedBy: field.optionalIsoDate(),
    deliveryMethod: z.preprocess(emptyToUndefined, z.enum(DELIVERY_METHODS).optional()),
    explanation: field.optionalText(4000),
    releaseFileIds: list(z.uuid(), 50),
    /** The officer issues although a unit has not answered its disposition yet (ADR 0070). */
    confirmPendingDispositions: field.checkbox(),
  })
  .superRefine((d, ctx) => {
    const need = (path: string, value: unknown, message = 'validation.required') => {
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
        ctx.addIssue({ code: 'custom', path: [path], message });
      }
    };
    const cite = () => {
      if (!d.exemptionEntryId && !d.exemptionTestId)
        ctx.addIssue({
          code: 'custom',
          path: ['exemptionEntryId'],
          message: 'validation.exemptions.citeRequired',
        });
    };
    switch (d.outcome) {
      case 'GRANTED_FULL':
        need('materialDescription', d.materialDescription);
        need('forms', d.forms, 'validation.chooseForm');
        break;
      case 'GRANTED_PARTIAL':
        // Pasal 22(7)e: the blacked-out parts, with the reasons.
        need('materialDescription', d.materialDescription);
        need('forms', d.forms, 'validation.chooseForm');
        need('redactedParts', d.redactedParts);
        need('redactionReason', d.redactionReason);
        cite();
        break;
      case 'REFUSED_EXEMPT':
        // Pasal 22(7)c and Pasal 17, with the consequence test of Pasal 2(4) and 19: the ground,
        // statute and test come from the cited DIK entry or the test held at this request.
        cite();
        break;
      case 'NOT_HELD':
        break;
      case 'NOT_YET_DOCUMENTED':
        need('documentedBy', d.documentedBy);
        break;
    }
  });

export type DecisionInput = z.output<typeof decisionInput>;
