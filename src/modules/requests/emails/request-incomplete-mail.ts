import { composeMail, type MailContent } from './compose-mail.ts';

/** To the requester: what is missing and until when it can be completed. */
export function requestIncompleteMail(d: {
  requesterName: string;
  officeName: string;
  number: string;
  missing: string[];
  note: string | null;
  completionDueText: string;
  completionDays: number;
  trackingUrl: string;
}): MailContent {
  return composeMail({
    subject: `Permohonan ${d.number} belum lengkap`,
    greeting: `Yth. ${d.requesterName},`,
    paragraphs: [
      `Permohonan informasi Anda nomor ${d.number} kepada ${d.officeName} belum dapat diproses karena persyaratannya belum lengkap.`,
      `Lengkapi paling lambat ${d.completionDueText} (${d.completionDays} hari kerja) melalui halaman lacak permohonan. Jika tidak dilengkapi sampai batas itu, permohonan ditutup dan Anda dapat mengajukan permohonan baru.`,
      ...(d.note ? [`Catatan petugas: ${d.note}`] : []),
    ],
    list: { title: 'Yang perlu dilengkapi:', items: d.missing },
    action: { label: 'Lengkapi permohonan', url: d.trackingUrl },
    closing: ['Hormat kami,', `PPID ${d.officeName}`],
  });
}
