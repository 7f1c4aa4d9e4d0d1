import { formatDate, formatDateWithWeekday } from '../../platform/i18n.ts';
import type { DueExplanation } from './schema.ts';

/**
 * The due-date calculation in one Indonesian sentence, for emails and letters, e.g.
 * "Hari ke-0 Senin, 16 Maret 2026; 10 hari kerja; tidak dihitung: 6 hari Sabtu/Minggu, 19 Maret
 * 2026 (Hari Suci Nyepi), …". Pages show the same data as a list.
 */
export function explainDueId(e: DueExplanation): string {
  const weekends = e.skipped.filter((s) => s.reason === 'WEEKEND').length;
  const named = e.skipped
    .filter((s) => s.reason !== 'WEEKEND')
    .map((s) => `${formatDate(s.date, 'id')} (${s.name})`);
  const parts = [`hari ke-0 ${formatDateWithWeekday(e.receivedOn, 'id')}`, `${e.workingDays} hari kerja`];
  const skipped = [...(weekends > 0 ? [`${weekends} hari Sabtu/Minggu`] : []), ...named];
  if (skipped.length > 0) parts.push(`tidak dihitung: ${skipped.join(', ')}`);
  if (e.warnings.length > 0)
    parts.push(`catatan: daftar hari libur tahun ${e.warnings.map((w) => w.year).join(', ')} belum dimuat`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
