import { composeMail, type MailContent } from '../../requests/emails/compose-mail.ts';

/** To the requester: the objection ended with an agreement of the parties (musyawarah, Pasal 35(2)). */
export function objectionSettledMail(d: {
  requesterName: string;
  officeName: string;
  number: string;
  agreement: string;
  trackingUrl: string;
}): MailContent {
  return composeMail({
    subject: `Keberatan ${d.number} selesai dengan musyawarah`,
    greeting: `Yth. ${d.requesterName},`,
    paragraphs: [
      `Keberatan Anda nomor ${d.number} di ${d.officeName} telah diselesaikan dengan musyawarah (UU No. 14 Tahun 2008 Pasal 35 ayat (2)).`,
      `Kesepakatan: ${d.agreement}`,
    ],
    action: { label: 'Lihat di halaman lacak permohonan', url: d.trackingUrl },
    closing: ['Hormat kami,', `PPID ${d.officeName}`],
  });
}
