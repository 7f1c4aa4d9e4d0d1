import { DIP_FILE_TYPES, type DipFormat } from './model.ts';

// Column 6 of the DIP (Perki 1/2010 Lampiran II): the forms in which the information is
// available, written by offices as e.g. "Softcopy (PDF), Hardcopy" or "Cetak; Digital: XLSX".

export interface AvailableForms {
  formats: DipFormat[];
  fileTypes: string[];
  /** Words that name neither a form nor a known file type. */
  unknown: string[];
}

const SOFT = /^(soft ?copy|softcopy|elektronik|digital|daring|online|file|berkas elektronik)$/;
const HARD = /^(hard ?copy|hardcopy|cetak|tercetak|kertas|fisik|dokumen fisik|print)$/;
const FILE_TYPE_ALIASES: Record<string, string> = {
  JPEG: 'JPG',
  WORD: 'DOCX',
  EXCEL: 'XLSX',
  WEB: 'HTML',
  WEBSITE: 'HTML',
};

export function normalizeFileType(raw: string): string | undefined {
  const up = raw.trim().replace(/^\./, '').toUpperCase();
  const t = FILE_TYPE_ALIASES[up] ?? up;
  return (DIP_FILE_TYPES as readonly string[]).includes(t) ? t : undefined;
}

export function parseAvailableForms(text: string): AvailableForms {
  const formats = new Set<DipFormat>();
  const fileTypes: string[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;/()+\n]|\bdan\b|&|:/i)) {
    const p = part.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!p) continue;
    if (SOFT.test(p)) formats.add('SOFTCOPY');
    else if (HARD.test(p)) formats.add('HARDCOPY');
    else {
      const t = normalizeFileType(p);
      if (t) {
        if (!fileTypes.includes(t)) fileTypes.push(t);
      } else unknown.push(part.trim());
    }
  }
  if (fileTypes.length > 0) formats.add('SOFTCOPY');
  return { formats: (['SOFTCOPY', 'HARDCOPY'] as const).filter((f) => formats.has(f)), fileTypes, unknown };
}

/** "Softcopy (PDF, XLSX), Hardcopy" — the words parseAvailableForms reads back. */
export function formatAvailableForms(formats: readonly string[], fileTypes: readonly string[]): string {
  const parts: string[] = [];
  if (formats.includes('SOFTCOPY'))
    parts.push(fileTypes.length > 0 ? `Softcopy (${fileTypes.join(', ')})` : 'Softcopy');
  if (formats.includes('HARDCOPY')) parts.push('Hardcopy');
  return parts.join(', ');
}
