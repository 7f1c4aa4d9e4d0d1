import type { Translate } from '../platform/i18n.ts';
import { catalog } from './i18n/catalog.ts';

// How a field error names its field (issue 13 item 11): by the label in `field.<key>`
// (src/web/i18n/fields.ts and the older ones in common.ts), never by the schema's key. Paths of
// nested fields keep their position: "steps.2.title" → "Langkah 3, Judul"; rows of an import
// keep their row number: "row:4:date" / "4:date" / "row.4.date" → "Baris 4, Tanggal".
const ROW_SEGMENTS = new Set(['row']);

export function fieldLabel(t: Translate, field: string): string {
  if (field === '_' || field === '') return '';
  const parts = field.split(/[.:]/).filter((p) => p !== '');
  const out: string[] = [];
  let previous: string | undefined;
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      const n = Number(part);
      if (previous === undefined) out.push(`${t('field.row')} ${n}`);
      else {
        const shown = ROW_SEGMENTS.has(previous) ? n : n + 1;
        out[out.length - 1] = `${out[out.length - 1]} ${shown}`;
      }
    } else {
      out.push(catalog.id[`field.${part}`] !== undefined ? t(`field.${part}`) : t('field._unknown'));
    }
    previous = part;
  }
  return out.join(', ');
}

/** Labels for an ErrorSummary: every field named in `fields`, by label. */
export function fieldLabels(t: Translate, fields: Iterable<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f] = fieldLabel(t, f);
  return out;
}
