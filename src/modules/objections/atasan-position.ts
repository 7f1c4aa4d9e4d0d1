import type { OfficeSettings } from '../offices/office-settings.ts';
import type { Office } from '../offices/queries.ts';

/**
 * The position printed under "Atasan PPID," on the Tanggapan and in the register: the office's
 * setting, else the Sekretaris of the office — at KPU offices the Atasan PPID is the Sekretaris
 * (regulation.md §2, the seeds; UNVERIFIED for PKPU 4/2025, hence the setting). Never the bare
 * role name, which printed "Atasan PPID, / Atasan PPID" without a position (issue 13 item 9).
 */
export function atasanPositionOf(office: Pick<Office, 'name'>, settings: OfficeSettings): string {
  return settings.objections.atasanPosition ?? `Sekretaris ${office.name}`;
}
