import { z } from 'zod';
import { field } from '../../platform/validation.ts';
import type { StepKind } from './model.ts';

// What a person fills in to complete a step, by kind of step (regulation.md §9: the nota
// dinas / disposisi names from, to, subject and instruction; the Keputusan penetapan DIP has
// a number and a date).

const plain = z.object({ note: field.optionalText(2000), output: field.optionalText(300) });

const disposition = z.object({
  documentTo: field.text(200),
  note: field.text(2000),
  documentNumber: field.optionalText(100),
  output: field.optionalText(300),
});

const notaDinas = z.object({
  documentNumber: field.text(100),
  documentTo: field.text(200),
  documentSubject: field.text(300),
  note: field.text(4000),
  output: field.optionalText(300),
});

const decree = z.object({
  decreeNumber: field.text(120),
  decreeDate: field.isoDate(),
  decreeSignerName: field.text(200),
  decreeSignerTitle: field.text(200),
  note: field.optionalText(2000),
  output: field.optionalText(300),
});

export function stepInputSchema(kind: StepKind) {
  switch (kind) {
    case 'DISPOSITION':
      return disposition;
    case 'NOTA_DINAS':
      return notaDinas;
    case 'DECREE':
      return decree;
    case 'TASK':
    case 'REVIEW':
    case 'SIGN':
    case 'COLLECT':
    case 'CONSOLIDATE':
    case 'PUBLISH':
      return plain;
  }
}

export interface StepInput {
  note?: string | undefined;
  output?: string | undefined;
  documentNumber?: string | undefined;
  documentTo?: string | undefined;
  documentSubject?: string | undefined;
  decreeNumber?: string | undefined;
  decreeDate?: string | undefined;
  decreeSignerName?: string | undefined;
  decreeSignerTitle?: string | undefined;
}
