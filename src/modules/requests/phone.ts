// Phone numbers as Indonesians write them — "0812-2345-6789", "+62 812 2345 6789",
// "62812…", "(022) 4231 234", "812 2345 6789" — normalised to E.164 ("+6281223456789"), the
// form WhatsApp, SMS gateways and wa.me links take, and the one the worklist searches.

const INDONESIA = '62';

/** E.164 for a number as typed, or null when it cannot be one (too short, too long, letters). */
export function phoneToE164(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!/^\+?[0-9 ().-]+$/.test(trimmed)) return null;
  const plus = trimmed.startsWith('+');
  let digits = trimmed.replace(/\D/g, '');
  if (plus) {
    // "+62 0812…": a trunk zero after the country code is a common slip.
    if (digits.startsWith(`${INDONESIA}0`)) digits = INDONESIA + digits.slice(3);
  } else if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = INDONESIA + digits.slice(1);
  else if (digits.startsWith('8'))
    digits = INDONESIA + digits; // mobile without the trunk zero
  else if (!digits.startsWith(INDONESIA)) return null;
  // E.164: at most 15 digits; an Indonesian number has 8–13 after the country code.
  if (digits.length < 9 || digits.length > 15 || digits.startsWith('0')) return null;
  return `+${digits}`;
}

/**
 * The digits a search for a phone number compares, as E.164 without "+": the query may be a
 * whole number in any spelling or its last digits ("6789"). Null when the query is no phone.
 */
export function phoneSearchDigits(q: string): { exact: string | null; tail: string } | null {
  const t = q.trim();
  if (!/^\+?[0-9 ().-]+$/.test(t)) return null;
  const digits = t.replace(/\D/g, '');
  if (digits.length < 4) return null;
  return { exact: phoneToE164(t), tail: digits.replace(/^0+/, '') };
}
