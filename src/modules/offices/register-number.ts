// Registration numbers follow a per-office pattern (regulation.md §3.3: no official KPU
// format exists, so it is configurable). Tokens:
//   {seq}        sequence number within the office and year     7
//   {seq:03}     the same, zero-padded to 3 (or any) digits     007
//   {officeCode} the office code                               32.73
//   {year}       four-digit year                               2026
//   {month}      two-digit month                                 11
//   {romanMonth} month in Roman numerals                         XI

const TOKEN = /\{(seq(?::0?\d{1,2})?|officeCode|year|month|romanMonth)\}/g;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** A pattern is usable when it has a {seq} token and no unknown tokens. */
export function isRegisterPattern(pattern: string): boolean {
  if (!/\{seq(?::0?\d{1,2})?\}/.test(pattern)) return false;
  const leftover = pattern.replace(TOKEN, '');
  return !/[{}]/.test(leftover) && pattern.length > 0;
}

export function formatRegisterNumber(
  pattern: string,
  values: { seq: number; officeCode: string; date: string /* local YYYY-MM-DD */ },
): string {
  const year = values.date.slice(0, 4);
  const month = values.date.slice(5, 7);
  return pattern.replace(TOKEN, (_m, token: string) => {
    if (token.startsWith('seq')) {
      const width = token.includes(':') ? Number(token.split(':')[1]) : 0;
      return String(values.seq).padStart(width, '0');
    }
    switch (token) {
      case 'officeCode':
        return values.officeCode;
      case 'year':
        return year;
      case 'month':
        return month;
      case 'romanMonth':
        return ROMAN[Number(month) - 1] ?? month;
      default:
        return token;
    }
  });
}
