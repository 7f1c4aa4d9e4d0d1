import { maskNik, nikProblem } from '../requests/nik.ts';

// Suggestions of personal data to black out (UU 14/2008 Pasal 17 huruf h; UU 27/2022 PDP).
// Pure: text in, findings out. A finding is only ever a suggestion the PPID accepts or
// rejects; nothing here is applied by itself.

export const DETECTOR_KINDS = ['NIK', 'KK', 'PHONE', 'EMAIL', 'BIRTH_DATE', 'NAME'] as const;
export type DetectorKind = (typeof DETECTOR_KINDS)[number];

export interface Finding {
  kind: DetectorKind;
  /** The matched text exactly as it appears (used to locate it on the page; never logged). */
  text: string;
  start: number;
  end: number;
  /** What the PPID sees in the list: enough to recognise it, not the whole value. */
  label: string;
}

export interface DetectOptions {
  /** Province codes (BPS/Kemendagri) a NIK or KK may start with. */
  provinceCodes: ReadonlySet<string>;
  /** Names the office lists (e.g. the requester's own), matched as whole words. */
  names?: readonly string[];
}

const MONTHS =
  'januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|agu|agt|sep|okt|nov|des';
const DATE = `(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)\\d{2}|\\d{1,2}\\s+(?:${MONTHS})\\s+(?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2})`;
// "Tanggal lahir: 12-03-1985", "Tgl. Lahir 12 Maret 1985", "TTL: Bandung, 12/03/1985", "lahir di Garut, 1 Mei 1990".
const BIRTH_DATE = new RegExp(
  `(?:tanggal\\s+lahir|tgl\\.?\\s*lahir|tempat[,/ ]+tanggal\\s+lahir|ttl|lahir(?:\\s+di)?)\\s*[:]?\\s*(?:[A-Za-z .'-]{2,40},\\s*)?(${DATE})`,
  'gi',
);
// 16 digits, possibly grouped with spaces, dots or dashes (4-4-4-4 or 6-6-4 as printed on forms).
const SIXTEEN = /(?<![\d])(\d(?:[ .-]?\d){15})(?![\d])/g;
const KK_CONTEXT = /(?:\bno\.?\s*kk\b|\bnomor\s+kk\b|\bkk\b|kartu\s+keluarga)[\s.:]*$/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Indonesian numbers: mobiles +62/62/0 8xx, landlines 0 + area code; separators allowed.
const PHONE = /(?<![\w+])(?:\+62|62|0)[ .-]?(?:8\d{1,2}|[1-79]\d{1,2})(?:[ .-]?\d){6,9}(?![\d])/g;

export function detectPersonalData(text: string, opts: DetectOptions): Finding[] {
  const found: Finding[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const add = (f: Finding) => {
    if (overlaps(f.start, f.end)) return;
    taken.push([f.start, f.end]);
    found.push(f);
  };

  for (const m of text.matchAll(SIXTEEN)) {
    const raw = m[1]!;
    const digits = raw.replace(/\D/g, '');
    const start = m.index;
    const before = text.slice(Math.max(0, start - 24), start);
    if (!opts.provinceCodes.has(digits.slice(0, 2))) continue;
    if (KK_CONTEXT.test(before)) {
      add({ kind: 'KK', text: raw, start, end: start + raw.length, label: `KK ${maskNik(digits)}` });
    } else if (!nikProblem(digits, opts.provinceCodes)) {
      add({ kind: 'NIK', text: raw, start, end: start + raw.length, label: `NIK ${maskNik(digits)}` });
    }
  }
  for (const m of text.matchAll(EMAIL)) {
    const [user, domain] = m[0].split('@') as [string, string];
    add({
      kind: 'EMAIL',
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      label: `${user.slice(0, 1)}…@${domain}`,
    });
  }
  for (const m of text.matchAll(BIRTH_DATE)) {
    const date = m[1]!;
    const start = m.index + m[0].lastIndexOf(date);
    add({ kind: 'BIRTH_DATE', text: date, start, end: start + date.length, label: `…${date.slice(-4)}` });
  }
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 14) continue;
    add({
      kind: 'PHONE',
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      label: `…${digits.slice(-4)}`,
    });
  }
  for (const name of opts.names ?? []) {
    const clean = name.trim();
    if (clean.length < 3) continue;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${clean.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`,
      'giu',
    );
    for (const m of text.matchAll(pattern)) {
      add({ kind: 'NAME', text: m[0], start: m.index, end: m.index + m[0].length, label: initials(clean) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => `${w.slice(0, 1).toUpperCase()}.`)
    .join(' ');
}
