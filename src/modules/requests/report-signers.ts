import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import type { Office } from '../offices/queries.ts';
import { listOfficeAssignments } from '../people/queries.ts';
import { PPID_TITLE } from './decide-request.ts';
import { officerOf } from './officer.ts';

export const PETUGAS_TITLE = 'Petugas Layanan Informasi';

export interface ReportSigners {
  /** Who prints the report, with the position of the role they hold. */
  reporter: { name: string; position: string };
  /** The office's PPID today ("Mengetahui"); null when no one holds the role. */
  ppidName: string | null;
}

/**
 * The signature blocks of the daily/monthly service report (seed 002 steps 7–8): the reporter
 * under their own position and the PPID who acknowledges it — the person holding the PPID role
 * today, not whoever printed the report (issue 13 item 9: the PPID was printed as "Petugas
 * Layanan Informasi").
 */
export async function reportSignersOf(
  db: Db,
  actor: Actor,
  office: Office,
  now: Date,
): Promise<ReportSigners> {
  const today = localDateTime(now, office.timezone).date;
  const [officer, members] = await Promise.all([officerOf(db, actor), listOfficeAssignments(db, office.id)]);
  const ppid = members.find(
    ({ assignment: a, user }) =>
      a.role === 'PPID' &&
      !a.revokedAt &&
      !user.disabledAt &&
      a.validFrom <= today &&
      (!a.validTo || a.validTo >= today),
  );
  const position = hasRole(actor, office, 'PPID') ? PPID_TITLE : PETUGAS_TITLE;
  return { reporter: { name: officer.name, position }, ppidName: ppid?.user.name ?? null };
}
