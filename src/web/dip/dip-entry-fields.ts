import { z } from 'zod';
import {
  DIP_CATEGORIES,
  ENTRY_CONTENT_FIELDS,
  pickFields,
  type EntryContent,
} from '../../modules/dip/model.ts';

/** The Model PPID-A fields every DIP entry carries in the API, draft or published. */
export const dipEntryFields = {
  category: z.enum(DIP_CATEGORIES),
  documentTitle: z.string(),
  summary: z.string(),
  holdingUnit: z.string(),
  responsibleOfficial: z.string(),
  timeAndPlace: z.string(),
  formats: z.array(z.string()),
  fileTypes: z.array(z.string()),
  retention: z.string(),
  isElection: z.boolean(),
};

const PRESENTED = ENTRY_CONTENT_FIELDS.filter(
  (f): f is Exclude<typeof f, 'archiveItemIds'> => f !== 'archiveItemIds',
);

export function presentEntryFields(
  e: Omit<EntryContent, 'archiveItemIds'>,
): Omit<EntryContent, 'archiveItemIds'> {
  return pickFields(e, PRESENTED);
}
