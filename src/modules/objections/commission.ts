import type { Db } from '../../platform/db/database.ts';
import type { OfficeSettings } from '../offices/office-settings.ts';
import { findOfficeById, type Office } from '../offices/queries.ts';
import { commissionFor, type InformationCommission } from './objection-status.ts';

export interface Commission {
  commission: InformationCommission;
  /** As the requester writes it on the dispute form, e.g. "Komisi Informasi Provinsi Jawa Barat". */
  name: string;
}

function provinceCommissionName(province: Pick<Office, 'regionName' | 'nomenclature'>): string {
  // Aceh's commission is the Komisi Informasi Aceh (its province carries no "Provinsi").
  return province.nomenclature === 'KIP'
    ? `Komisi Informasi ${province.regionName}`
    : `Komisi Informasi Provinsi ${province.regionName}`;
}

/**
 * The Komisi Informasi that hears a dispute with this office (UU 14/2008 Pasal 27 with
 * `commissionFor`): the office's setting names it when set, else its level and region do.
 */
export async function commissionOf(db: Db, office: Office, settings: OfficeSettings): Promise<Commission> {
  const commission = commissionFor(office.level, settings.objections.kabkotaCommission);
  if (settings.objections.commissionName) return { commission, name: settings.objections.commissionName };
  if (commission === 'KI_PUSAT') return { commission, name: 'Komisi Informasi Pusat' };
  if (commission === 'KI_KABKOTA') return { commission, name: `Komisi Informasi ${office.regionName}` };
  const province =
    office.level === 'PROVINSI'
      ? office
      : office.parentId
        ? await findOfficeById(db, office.parentId)
        : undefined;
  return { commission, name: province ? provinceCommissionName(province) : 'Komisi Informasi Provinsi' };
}
