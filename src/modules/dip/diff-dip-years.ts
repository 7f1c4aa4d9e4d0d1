import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import { findVersionOfYear, listVersionEntries, type Version, type VersionEntry } from './queries.ts';
import { diffVersions, type DipDiff } from './version-diff.ts';

export const diffInput = z.object({
  dari: z.coerce.number().int().min(2000).max(2100),
  ke: z.coerce.number().int().min(2000).max(2100),
});

/** What changed in an office's published DIP from one year to another (final revisions). */
export async function diffDipYears(
  db: Db,
  officeId: string,
  raw: unknown,
): Promise<{ from: Version; to: Version; diff: DipDiff<VersionEntry> }> {
  const q = parseInput(diffInput, raw);
  const [from, to] = await Promise.all([
    findVersionOfYear(db, officeId, q.dari),
    findVersionOfYear(db, officeId, q.ke),
  ]);
  if (!from || !to) throw AppError.notFound('dip.error.noVersion');
  const [a, b] = await Promise.all([
    listVersionEntries(db, officeId, from.id),
    listVersionEntries(db, officeId, to.id),
  ]);
  return { from, to, diff: diffVersions(a, b) };
}
