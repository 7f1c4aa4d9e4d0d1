import type { Db } from '../../platform/db/database.ts';
import type { Letterhead } from '../../platform/pdf/pdf.ts';
import { readFileContent, type FileStore } from '../../platform/storage/file-store.ts';
import type { OfficeSettings } from './office-settings.ts';
import type { Office } from './queries.ts';

const BODY_NAMES: Record<string, string> = {
  KPU: 'KOMISI PEMILIHAN UMUM',
  KIP: 'KOMISI INDEPENDEN PEMILIHAN',
};

/**
 * The lines of the kop surat: the office's own when set, otherwise derived from its
 * nomenclature and region, e.g. KOMISI PEMILIHAN UMUM / KOTA BANDUNG.
 */
export function letterheadTitleLines(office: Office, settings: OfficeSettings): string[] {
  if (settings.letterhead.titleLines.length > 0) return settings.letterhead.titleLines;
  const body = BODY_NAMES[office.nomenclature];
  if (!body) return [office.name.toUpperCase()];
  const region =
    office.level === 'RI'
      ? 'REPUBLIK INDONESIA'
      : office.level === 'PROVINSI' && office.nomenclature === 'KPU'
        ? `PROVINSI ${office.regionName}`
        : office.regionName;
  return [body, region.toUpperCase()];
}

export function letterheadOf(
  office: Office,
  settings: OfficeSettings,
  logoPng: Buffer | null = null,
): Letterhead {
  const lh = settings.letterhead;
  const contact = [lh.phone ? `Telp. ${lh.phone}` : null, lh.email ? `Email: ${lh.email}` : null, lh.website]
    .filter(Boolean)
    .join(' · ');
  return {
    titleLines: letterheadTitleLines(office, settings),
    address: lh.address,
    contactLine: contact || null,
    logoPng,
  };
}

/** The place written before the date under a letter: the set city, else the region. */
export function letterCity(office: Office, settings: OfficeSettings): string {
  if (settings.letterhead.city) return settings.letterhead.city;
  if (office.level === 'RI') return 'Jakarta';
  return office.regionName.replace(/^(Kabupaten|Kota)\s+/, '');
}

/** The office logo for letters, when one is set and readable. */
export async function loadLetterheadLogo(
  db: Db,
  store: FileStore,
  office: Office,
  settings: OfficeSettings,
): Promise<Buffer | null> {
  const id = settings.letterhead.logoFileId;
  if (!id) return null;
  const content = await readFileContent(db, store, office.id, id);
  return content ? content.bytes : null;
}
