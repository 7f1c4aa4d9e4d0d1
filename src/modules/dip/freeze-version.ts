import type { Db } from '../../platform/db/database.ts';
import { listUnits, type Office } from '../offices/queries.ts';
import { contentOf } from './model.ts';
import {
  findCurrentVersion,
  insertVersion,
  insertVersionEntries,
  listVersionEntries,
  listWorkingEntries,
  recordSearchWords,
  setCurrentVersion,
  type Cycle,
  type Version,
} from './queries.ts';
import { changedFields } from './version-diff.ts';

/**
 * Publishing freezes the cycle's DIP as a version: its included entries are copied, numbered
 * by category, and never change again. An entry that is new or changed since the version the
 * cycle started from is stamped with the publication time (the Atom feed lists these). The
 * newest year (latest revision) becomes the office's live DIP. Runs inside the caller's
 * transaction, after the cycle's compare-and-set.
 */
export async function freezeVersion(
  tx: Db,
  office: Office,
  cycle: Cycle,
  now: Date,
  by: string,
): Promise<Version> {
  const included = await listWorkingEntries(tx, office.id, cycle.id, { status: ['INCLUDED'] });
  const base = cycle.baseVersionId ? await listVersionEntries(tx, office.id, cycle.baseVersionId) : [];
  const baseByKey = new Map(base.map((e) => [e.entryKey, e]));
  const unitNames = new Map((await listUnits(tx, office.id, true)).map((u) => [u.id, u.name]));
  const version = await insertVersion(tx, {
    officeId: office.id,
    year: cycle.year,
    revision: cycle.revision,
    cycleId: cycle.id,
    decreeNumber: cycle.decreeNumber,
    decreeDate: cycle.decreeDate,
    decreeSignerName: cycle.decreeSignerName,
    decreeSignerTitle: cycle.decreeSignerTitle,
    publishedAt: now,
    publishedBy: by,
    entryCount: included.length,
    current: false,
  });
  await insertVersionEntries(
    tx,
    included.map((e, i) => {
      const before = baseByKey.get(e.entryKey);
      const unchanged = before !== undefined && changedFields(contentOf(before), contentOf(e)).length === 0;
      return {
        officeId: office.id,
        versionId: version.id,
        entryKey: e.entryKey,
        year: cycle.year,
        position: i + 1,
        current: false,
        ...contentOf(e),
        proposedByUnitId: e.proposedByUnitId,
        proposedByUnitName: e.proposedByUnitId ? (unitNames.get(e.proposedByUnitId) ?? null) : null,
        changedAt: unchanged ? before.changedAt : now,
        publishedAt: now,
      };
    }),
  );
  await recordSearchWords(tx, office.id, version.id);
  const live = await findCurrentVersion(tx, office.id);
  if (!live || cycle.year > live.year || (cycle.year === live.year && cycle.revision > live.revision)) {
    await setCurrentVersion(tx, office.id, version.id);
    return { ...version, current: true };
  }
  return version;
}
