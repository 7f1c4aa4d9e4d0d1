import { citePasal17, PASAL17, type Pasal17Ground } from '../../law/pasal17.ts';
import type { CitedBasis } from '../../exemptions/refusal-basis.ts';
import { formatDate } from '../../../platform/i18n.ts';

/**
 * The Pasal 17 basis as a notice prints it, in correct Indonesian: "Pasal 17 huruf h angka 2
 * Undang-Undang Nomor 14 Tahun 2008 … (mengungkap rahasia pribadi: riwayat, kondisi …)" — the
 * citation once, then the statute's own wording (issue 10: no "pribadi angka 2", no "angka angka").
 */
export function exemptionBasisText(ground: Pasal17Ground | null, subPoint: string | null): string {
  if (!ground) return '-';
  const n = subPoint && /^\d{1,2}$/.test(subPoint.trim()) ? Number(subPoint.trim()) : null;
  const spec = PASAL17[ground];
  const words = n && spec.subPoints[n - 1] ? `${spec.title.id}: ${spec.subPoints[n - 1]}` : spec.title.id;
  return `${citePasal17(ground, n && spec.subPoints[n - 1] ? n : null)} (${words})`;
}

/** Rows about the cited DIK entry, its decree and the consequence test. */
export function citedBasisRows(basis: CitedBasis | null): [string, string][] {
  if (!basis) return [];
  const rows: [string, string][] = [];
  if (basis.entry) {
    rows.push(['Daftar Informasi yang Dikecualikan', basis.entry.information]);
    rows.push([
      'Ditetapkan dengan',
      `Keputusan ${basis.entry.issuerName} Nomor ${basis.entry.decreeNumber} tanggal ${formatDate(basis.entry.decreeDate, 'id')}`,
    ]);
  }
  if (basis.test)
    rows.push([
      'Uji konsekuensi',
      `dilaksanakan di ${basis.test.place} pada ${formatDate(basis.test.heldOn, 'id')}, informasi ${basis.test.result}; peserta: ${basis.test.participants}`,
    ]);
  return rows;
}
