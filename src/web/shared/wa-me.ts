import { phoneToE164 } from '../../modules/requests/phone.ts';

/**
 * WhatsApp click-to-chat (https://wa.me/<digits>[?text=…]) for a number written in any Indonesian
 * form; wa.me takes the international number as digits only. Null when it is not a phone number.
 */
export function waMeUrl(phone: string, text?: string): string | null {
  const e164 = phoneToE164(phone);
  if (!e164) return null;
  return `https://wa.me/${e164.slice(1)}${text ? `?text=${encodeURIComponent(text)}` : ''}`;
}
