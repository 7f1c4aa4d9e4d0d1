import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { activeElectionPeriod } from '../calendar/election-periods.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { atasanPositionOf } from '../objections/atasan-position.ts';
import { commissionOf } from '../objections/commission.ts';
import { listOfficeAssignments } from '../people/queries.ts';
import { composeCharter, type ServiceCharter } from './charter.ts';
import { renderCharterPdf, type CharterPaper } from './charter-pdf.ts';
import { letterCity, letterheadOf, loadLetterheadLogo } from './letterhead.ts';
import type { OfficeSettings } from './office-settings.ts';
import { getOfficeSettings, type Office } from './queries.ts';

/** The person holding the Atasan PPID role at the office today (active account, assignment in force). */
async function atasanToday(
  db: Db,
  officeId: string,
  today: string,
): Promise<{ name: string; nip: string | null } | null> {
  const holder = (await listOfficeAssignments(db, officeId)).find(
    (m) =>
      m.assignment.role === 'ATASAN_PPID' &&
      m.assignment.revokedAt === null &&
      m.user.disabledAt === null &&
      m.assignment.validFrom <= today &&
      (m.assignment.validTo === null || today <= m.assignment.validTo),
  );
  return holder ? { name: holder.user.name, nip: holder.user.nip } : null;
}

/**
 * The office's Maklumat Pelayanan as it stands today: its settings (passed in when the caller
 * already holds them, e.g. from the public cache), today's national election period, the
 * commission that hears disputes and the Atasan PPID who signs.
 */
export async function readServiceCharter(
  db: Db,
  office: Office,
  now: Date,
  known?: OfficeSettings,
): Promise<ServiceCharter> {
  const today = localDateTime(now, office.timezone).date;
  const settings = known ?? (await getOfficeSettings(db, office.id));
  const [period, commission, atasan] = await Promise.all([
    settings.requests.electionProfileEnabled ? undefined : activeElectionPeriod(db, today),
    commissionOf(db, office, settings),
    atasanToday(db, office.id, today),
  ]);
  return composeCharter({
    office,
    settings,
    electionPeriod: period ?? null,
    commissionName: commission.name,
    city: letterCity(office, settings),
    atasanPosition: atasanPositionOf(office, settings),
    atasan,
  });
}

/** The charter as a PDF on A4 (file, desk) or A3 (the notice-board poster). */
export async function renderServiceCharter(
  ctx: { db: Db; files: FileStore },
  office: Office,
  now: Date,
  paper: CharterPaper,
): Promise<{ filename: string; bytes: Buffer }> {
  const settings = await getOfficeSettings(ctx.db, office.id);
  const [charter, logo] = await Promise.all([
    readServiceCharter(ctx.db, office, now, settings),
    loadLetterheadLogo(ctx.db, ctx.files, office, settings),
  ]);
  const bytes = await renderCharterPdf({ charter, letterhead: letterheadOf(office, settings, logo), paper });
  const suffix = paper === 'A3' ? '-a3' : '';
  return { filename: `maklumat-pelayanan-${office.slug}${suffix}.pdf`, bytes };
}
