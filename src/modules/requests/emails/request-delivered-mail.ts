import { composeMail, type MailContent } from './compose-mail.ts';

/** To the requester: the information was handed over; files through an expiring link. */
export function requestDeliveredMail(d: {
  requesterName: string;
  officeName: string;
  number: string;
  deliveryText: string;
  items: string;
  downloadUrl: string | null;
  downloadUntilText: string | null;
}): MailContent {
  return composeMail({
    subject: `Informasi atas permohonan ${d.number} telah diserahkan`,
    greeting: `Yth. ${d.requesterName},`,
    paragraphs: [
      `Informasi yang Anda minta dengan nomor ${d.number} telah diserahkan (${d.deliveryText}).`,
      ...(d.downloadUrl && d.downloadUntilText
        ? [
            `Berkas dapat diunduh melalui tautan di bawah sampai ${d.downloadUntilText}. Tautan ini bersifat pribadi; jangan diteruskan.`,
          ]
        : []),
    ],
    facts: [['Yang diserahkan', d.items]],
    ...(d.downloadUrl ? { action: { label: 'Unduh berkas', url: d.downloadUrl } } : {}),
    closing: [
      'Terima kasih telah menggunakan layanan informasi publik kami.',
      '',
      'Hormat kami,',
      `PPID ${d.officeName}`,
    ],
  });
}
