import type { Db } from '../../platform/db/database.ts';
import { localDateTime } from '../calendar/working-days.ts';
import type { Office } from '../offices/queries.ts';
import { findUnit } from '../offices/queries.ts';
import { listOfficeAssignments } from '../people/queries.ts';
import type { Role } from '../people/schema.ts';

/** Email addresses of the office's staff holding one of `roles` today (active accounts only). */
export async function staffEmails(
  db: Db,
  office: Office,
  roles: readonly Role[],
  now: Date,
): Promise<string[]> {
  const today = localDateTime(now, office.timezone).date;
  const members = await listOfficeAssignments(db, office.id);
  const emails = members
    .filter(
      (m) =>
        roles.includes(m.assignment.role) &&
        !m.assignment.revokedAt &&
        !m.user.disabledAt &&
        m.assignment.validFrom <= today &&
        (!m.assignment.validTo || m.assignment.validTo >= today),
    )
    .map((m) => m.user.email);
  return [...new Set(emails)].sort();
}

/** A unit's own address and its PPID Pembantu's addresses. */
export async function unitEmails(db: Db, office: Office, unitId: string, now: Date): Promise<string[]> {
  const today = localDateTime(now, office.timezone).date;
  const [unit, members] = await Promise.all([
    findUnit(db, office.id, unitId),
    listOfficeAssignments(db, office.id),
  ]);
  const emails = members
    .filter(
      (m) =>
        m.assignment.role === 'PPID_PEMBANTU' &&
        m.assignment.unitId === unitId &&
        !m.assignment.revokedAt &&
        !m.user.disabledAt &&
        m.assignment.validFrom <= today &&
        (!m.assignment.validTo || m.assignment.validTo >= today),
    )
    .map((m) => m.user.email);
  if (unit?.email) emails.push(unit.email);
  return [...new Set(emails)].sort();
}
