import type { Db } from '../../platform/db/database.ts';
import type { Office } from '../offices/queries.ts';
import { listOfficeAssignments } from '../people/queries.ts';
import type { AnnualReportSnapshot } from './annual-report-document.ts';
import { readStatistics } from './read-statistics.ts';

// The records behind parts 2–4 of the annual report: the year's figures (ADR 0035) and who held
// the PPID roles during the year, with their decree (SK). Frozen into the report at approval.

const SERVICE_ROLES = [
  'ATASAN_PPID',
  'PPID',
  'PETUGAS_LAYANAN',
  'PPID_PEMBANTU',
  'TIM_PERTIMBANGAN',
  'PEMBINA_PPID',
] as const;

export async function buildAnnualReportSnapshot(
  db: Db,
  now: Date,
  office: Pick<Office, 'id' | 'path' | 'name'>,
  year: number,
  approval: { by: string | null; on: string | null },
): Promise<AnnualReportSnapshot> {
  const [figures, members] = await Promise.all([
    readStatistics(db, now, { office, year, scope: 'office' }),
    listOfficeAssignments(db, office.id),
  ]);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const people = members
    .filter(({ assignment: a }) => (SERVICE_ROLES as readonly string[]).includes(a.role))
    .filter(
      ({ assignment: a }) =>
        a.validFrom <= end &&
        (!a.validTo || a.validTo >= start) &&
        (!a.revokedAt || a.revokedAt.toISOString().slice(0, 10) >= start),
    )
    .sort(
      (x, y) =>
        SERVICE_ROLES.indexOf(x.assignment.role as (typeof SERVICE_ROLES)[number]) -
          SERVICE_ROLES.indexOf(y.assignment.role as (typeof SERVICE_ROLES)[number]) ||
        x.user.name.localeCompare(y.user.name, 'id'),
    )
    .map(({ assignment: a, user }) => ({
      name: user.name,
      role: a.role,
      decreeNumber: a.decreeNumber,
      decreeDate: a.decreeDate,
    }));
  const { year: _y, scope: _s, ...rest } = figures;
  return {
    officeName: office.name,
    year,
    figures: rest,
    people,
    approvedBy: approval.by,
    approvedOn: approval.on,
  };
}
