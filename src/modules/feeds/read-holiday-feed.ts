import type { Db } from '../../platform/db/database.ts';
import { findOfficeBySlug, type Office } from '../offices/queries.ts';
import { listOfficeDaysOff, type DayOffRow } from './queries.ts';

/**
 * The days off of one office — national holidays and cuti bersama, regional ones of the office
 * or its province, and the office's own closures — from the start of last year to the end of
 * next year. Public: the same days the portal's deadline explanations count with.
 */
export async function readHolidayFeed(
  db: Db,
  slug: string,
  today: string,
): Promise<{ office: Office; days: DayOffRow[] } | undefined> {
  const office = await findOfficeBySlug(db, slug);
  if (!office || !office.active) return undefined;
  const year = Number(today.slice(0, 4));
  const days = await listOfficeDaysOff(db, office, `${year - 1}-01-01`, `${year + 1}-12-31`);
  return { office, days };
}
