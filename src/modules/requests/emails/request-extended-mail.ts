import { composeMail, type MailContent } from './compose-mail.ts';

/** To the requester: the one extension (UU 14/2008 Pasal 22(8)) with its written reason. */
export function requestExtendedMail(d: {
  requesterName: string;
  officeName: string;
  number: string;
  reason: string;
  previousDueText: string;
  newDueText: string;
  extensionDays: number;
  trackingUrl: string;
}): MailContent {
  return composeMail({
    subject: `Perpanjangan waktu permohonan ${d.number}`,
    greeting: `Yth. ${d.requesterName},`,
    paragraphs: [
      `Berdasarkan UU No. 14 Tahun 2008 Pasal 22 ayat (8), ${d.officeName} memperpanjang waktu pemberitahuan tertulis atas permohonan nomor ${d.number} selama ${d.extensionDays} hari kerja.`,
      `Alasan perpanjangan: ${d.reason}`,
    ],
    facts: [
      ['Batas waktu semula', d.previousDueText],
      ['Batas waktu baru', d.newDueText],
    ],
    action: { label: 'Lihat surat perpanjangan dan status permohonan', url: d.trackingUrl },
    closing: ['Hormat kami,', `PPID ${d.officeName}`],
  });
}
