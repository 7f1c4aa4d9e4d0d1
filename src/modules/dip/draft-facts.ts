import type { Db } from '../../platform/db/database.ts';
import { unapprovedItemIds } from '../archive/public-archive.ts';
import type { DraftFacts } from './cycle-rules.ts';
import { countEntriesByStatus, listWorkingEntries } from './queries.ts';

/** What the step rules need to know about a cycle's draft DIP, read in the caller's transaction. */
export async function draftFacts(
  db: Db,
  officeId: string,
  cycleId: string,
): Promise<DraftFacts & { unapprovedArchiveIds: string[] }> {
  const counts = await countEntriesByStatus(db, officeId, cycleId);
  const included = await listWorkingEntries(db, officeId, cycleId, { status: ['INCLUDED'] });
  const unapproved = new Set(
    await unapprovedItemIds(
      db,
      officeId,
      included.flatMap((e) => e.archiveItemIds),
    ),
  );
  return {
    pendingProposals: counts.PROPOSED,
    includedEntries: counts.INCLUDED,
    entriesWithUnapprovedArchive: included.filter((e) => e.archiveItemIds.some((id) => unapproved.has(id)))
      .length,
    unapprovedArchiveIds: [...unapproved],
  };
}
