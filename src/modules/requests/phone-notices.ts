import type { Db } from '../../platform/db/database.ts';
import { phoneMail, queueMail, type OutgoingMail } from '../../platform/mail/mailer.ts';
import { phoneToE164 } from './phone.ts';

// Issue 15: a requester who gave a phone number hears of every event a requester email tells,
// by WhatsApp (or SMS). One short Indonesian message: the name, what happened, the tracking
// link, the office. Never the tracking code, the download link, the NIK or the email address —
// the code is on the receipt the requester already holds, the documents behind the tracking page.

export type PhoneEvent =
  | { kind: 'request-received'; number: string; dueDateText: string }
  | { kind: 'request-incomplete'; number: string; completionDueText: string }
  | { kind: 'request-extended'; number: string; newDueText: string }
  | { kind: 'request-decided'; number: string; outcomeText: string }
  | { kind: 'request-delivered'; number: string; deliveryText: string }
  | { kind: 'request-closed-incomplete'; number: string; completionDueText: string }
  | { kind: 'objection-received'; number: string; requestNumber: string; dueDateText: string }
  | { kind: 'objection-decided'; number: string; outcomeText: string }
  | { kind: 'objection-settled'; number: string }
  | { kind: 'objection-lapsed'; number: string; disputeDeadlineText: string };

/** What happened, in one or two sentences (the message's {{2}}). */
export function phoneSummary(e: PhoneEvent, officeName: string): string {
  switch (e.kind) {
    case 'request-received':
      return `Permohonan informasi Anda nomor ${e.number} telah diterima PPID ${officeName}. Pemberitahuan tertulis paling lambat ${e.dueDateText}. Lacak dengan kode lacak pada tanda terima Anda.`;
    case 'request-incomplete':
      return `Permohonan ${e.number} belum lengkap. Mohon lengkapi paling lambat ${e.completionDueText}; rinciannya ada di halaman lacak.`;
    case 'request-extended':
      return `Jangka waktu jawaban permohonan ${e.number} diperpanjang sampai ${e.newDueText}.`;
    case 'request-decided':
      return `Pemberitahuan tertulis atas permohonan ${e.number} telah terbit: ${e.outcomeText}.`;
    case 'request-delivered':
      return `Informasi atas permohonan ${e.number} telah diberikan (${e.deliveryText}). Dokumen dapat diunduh dari halaman lacak.`;
    case 'request-closed-incomplete':
      return `Permohonan ${e.number} ditutup karena tidak dilengkapi sampai ${e.completionDueText}. Anda dapat mengajukan permohonan baru.`;
    case 'objection-received':
      return `Keberatan Anda nomor ${e.number} atas permohonan ${e.requestNumber} telah diterima. Tanggapan Atasan PPID paling lambat ${e.dueDateText}.`;
    case 'objection-decided':
      return `Atasan PPID telah menanggapi keberatan ${e.number}: ${e.outcomeText}.`;
    case 'objection-settled':
      return `Keberatan ${e.number} selesai dengan kesepakatan; rinciannya ada di halaman lacak.`;
    case 'objection-lapsed':
      return `Keberatan ${e.number} tidak ditanggapi dalam jangka waktunya. Anda dapat mengajukan sengketa ke Komisi Informasi paling lambat ${e.disputeDeadlineText}.`;
  }
}

export interface PhoneRecipient {
  name: string;
  /** As stored: E.164 when known, else the number as typed. */
  phone: string | null;
}

/**
 * The outbox row of a phone notice, or null when the requester gave no usable number. The
 * dedupe key is the event's (given, or the entity and the moment it happened) per channel.
 */
export function requesterPhoneMail(
  to: PhoneRecipient,
  officeName: string,
  event: PhoneEvent,
  meta: { entityType: string; entityId: string; url: string; at: Date; dedupeKey?: string },
): OutgoingMail | null {
  const phone = phoneToE164(to.phone);
  if (!phone) return null;
  return phoneMail(
    phone,
    {
      name: to.name,
      summary: phoneSummary(event, officeName),
      url: meta.url,
      signature: `PPID ${officeName}`,
    },
    {
      template: `${event.kind}-phone`,
      entityType: meta.entityType,
      entityId: meta.entityId,
      dedupeKey: meta.dedupeKey ?? `${event.kind}:${meta.entityId}:${meta.at.toISOString()}`,
    },
  );
}

/** Queues the phone notice inside the caller's transaction; false when there is no number or it was queued before. */
export async function queuePhoneNotice(
  tx: Db,
  officeId: string,
  to: PhoneRecipient,
  officeName: string,
  event: PhoneEvent,
  meta: { entityType: string; entityId: string; url: string; dedupeKey?: string },
  now: Date,
): Promise<boolean> {
  const mail = requesterPhoneMail(to, officeName, event, { ...meta, at: now });
  return mail ? queueMail(tx, officeId, mail, now) : false;
}
