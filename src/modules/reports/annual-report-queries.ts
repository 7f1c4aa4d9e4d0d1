import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.ts';
import { annualReports, type AnnualReportStatus } from './schema.ts';

// SQL of the annual report (ADR 0062). Only files of the reports module touch its tables.

export type AnnualReport = typeof annualReports.$inferSelect;

export async function findAnnualReport(
  db: Db,
  officeId: string,
  year: number,
): Promise<AnnualReport | undefined> {
  const [row] = await db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.officeId, officeId), eq(annualReports.year, year)));
  return row;
}

/** The latest report of an earlier year (to prefill the narrative parts). */
export async function findEarlierAnnualReport(
  db: Db,
  officeId: string,
  year: number,
): Promise<AnnualReport | undefined> {
  const [row] = await db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.officeId, officeId), sql`${annualReports.year} < ${year}`))
    .orderBy(desc(annualReports.year))
    .limit(1);
  return row;
}

export async function listPublishedAnnualReports(
  db: Db,
  officeId: string,
): Promise<Pick<AnnualReport, 'year' | 'approvedAt'>[]> {
  return db
    .select({ year: annualReports.year, approvedAt: annualReports.approvedAt })
    .from(annualReports)
    .where(and(eq(annualReports.officeId, officeId), eq(annualReports.status, 'PUBLISHED')))
    .orderBy(desc(annualReports.year));
}

export async function insertAnnualReport(
  db: Db,
  row: typeof annualReports.$inferInsert,
): Promise<AnnualReport | undefined> {
  const [created] = await db.insert(annualReports).values(row).onConflictDoNothing().returning();
  return created;
}

/** Compare-and-set on status and updatedAt: undefined when someone else changed it first. */
export async function updateAnnualReport(
  db: Db,
  key: { officeId: string; year: number },
  expected: { status: AnnualReportStatus; updatedAt: Date },
  set: Partial<typeof annualReports.$inferInsert>,
): Promise<AnnualReport | undefined> {
  const [row] = await db
    .update(annualReports)
    .set(set)
    .where(
      and(
        eq(annualReports.officeId, key.officeId),
        eq(annualReports.year, key.year),
        eq(annualReports.status, expected.status),
        eq(annualReports.updatedAt, expected.updatedAt),
      ),
    )
    .returning();
  return row;
}

/** Status of every office's report of a year (roll-up column, e-Monev checklist). */
export async function annualReportStatuses(db: Db, year: number): Promise<Map<string, AnnualReportStatus>> {
  const rows = await db
    .select({ officeId: annualReports.officeId, status: annualReports.status })
    .from(annualReports)
    .where(eq(annualReports.year, year));
  return new Map(rows.map((r) => [r.officeId, r.status]));
}

/** Offices with a Daftar Informasi yang Dikecualikan in force (an ACTIVE decree; read-only). */
export async function officesWithDikInForce(db: Db): Promise<Set<string>> {
  const rows = await queryRows<{ office_id: string }>(
    db,
    sql`select distinct office_id from exemption_decrees where status = 'ACTIVE'`,
  );
  return new Set(rows.map((r) => r.office_id));
}

/** Active offices whose report of `year` is not yet published (for the 31 March reminder). */
export async function officesWithoutPublishedReport(
  db: Db,
  year: number,
): Promise<{ id: string; status: AnnualReportStatus | null }[]> {
  const rows = await queryRows<{ id: string; status: AnnualReportStatus | null }>(
    db,
    sql`select o.id, a.status from offices o left join annual_reports a on a.office_id = o.id and a.year = ${year}
        where o.active and (a.status is null or a.status <> 'PUBLISHED') order by o.path`,
  );
  return rows;
}
