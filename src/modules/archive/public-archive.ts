import type { Db } from '../../platform/db/database.ts';
import { findArchiveItems, listItemFiles, type ArchiveItem, type ItemFile } from './queries.ts';

// What of the archive the public may see: only items the Atasan PPID approved (seed 003
// step 2) that are not exempt (UU 14/2008 Pasal 17). Everything public goes through here.

export function isPublicItem(item: Pick<ArchiveItem, 'status' | 'access'>): boolean {
  return item.status === 'APPROVED' && item.access === 'PUBLIC';
}

export interface PublicDocument {
  itemId: string;
  title: string;
  classificationCode: string;
  files: ItemFile[];
}

/** The public items among `ids` with their softcopy files; every other item is left out. */
export async function publicDocuments(
  db: Db,
  officeId: string,
  ids: readonly string[],
): Promise<PublicDocument[]> {
  const items = (await findArchiveItems(db, officeId, ids)).filter(isPublicItem);
  const files = await listItemFiles(
    db,
    officeId,
    items.map((i) => i.id),
  );
  return items.map((i) => ({
    itemId: i.id,
    title: i.title,
    classificationCode: i.classificationCode,
    files: files.filter((f) => f.itemId === i.id),
  }));
}

/** The file, if it belongs to a public item among `ids`. */
export async function publicFile(
  db: Db,
  officeId: string,
  ids: readonly string[],
  fileId: string,
): Promise<ItemFile | undefined> {
  const docs = await publicDocuments(db, officeId, ids);
  return docs.flatMap((d) => d.files).find((f) => f.fileId === fileId);
}

/** The items among `ids` that are not (yet) approved, or no longer exist. */
export async function unapprovedItemIds(db: Db, officeId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const approved = new Set(
    (await findArchiveItems(db, officeId, unique)).filter((i) => i.status === 'APPROVED').map((i) => i.id),
  );
  return unique.filter((id) => !approved.has(id));
}
