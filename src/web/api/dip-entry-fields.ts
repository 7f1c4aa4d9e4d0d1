import { z } from 'zod';
import { DIP_CATEGORIES, type EntryContent } from '../../modules/dip/model.ts';

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

export function presentEntryFields(e: Omit<EntryContent, 'archiveItemIds'>) {
  return {
    category: e.category,
    documentTitle: e.documentTitle,
    summary: e.summary,
    holdingUnit: e.holdingUnit,
    responsibleOfficial: e.responsibleOfficial,
    timeAndPlace: e.timeAndPlace,
    formats: e.formats,
    fileTypes: e.fileTypes,
    retention: e.retention,
    isElection: e.isElection,
  };
}
