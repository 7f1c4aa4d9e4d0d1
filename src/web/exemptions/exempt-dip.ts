import type { Db } from '../../platform/db/database.ts';
import type { DipDocument } from '../../modules/dip/dip-document.ts';
import { listExemptDipKeys } from '../../modules/exemptions/queries.ts';

// Issue 10: nothing in force as exempt appears in a public page, download, DIP export, Atom
// feed or search result. A DIP entry held exempt in whole by an entry in force is left out of
// every public reading of the published DIP; each route asks here once per request.

export interface ExemptDip {
  list: { officeId: string; entryKey: string }[];
  has(officeId: string, entryKey: string): boolean;
}

export async function exemptDip(db: Db, officeId?: string): Promise<ExemptDip> {
  const list = await listExemptDipKeys(db, officeId);
  const keys = new Set(list.map((k) => `${k.officeId}/${k.entryKey}`));
  return { list, has: (o, k) => keys.has(`${o}/${k}`) };
}

/** The published document without the entries held exempt, numbered again. */
export function withoutExempt(doc: DipDocument, exempt: ExemptDip): DipDocument {
  if (exempt.list.length === 0) return doc;
  return {
    ...doc,
    entries: doc.entries
      .filter((e) => !exempt.has(doc.office.id, e.entryKey))
      .map((e, i) => ({ ...e, no: i + 1 })),
  };
}
