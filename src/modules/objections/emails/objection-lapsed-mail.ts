import { PERIODS, periodPhraseId } from '../../law/periods.ts';
import { composeMail, type MailContent } from '../../requests/emails/compose-mail.ts';

/** To the requester: no answer came in time; the dispute may go to the Komisi Informasi (Pasal 37(2)). */
export function objectionLapsedMail(d: {
  requesterName: string;
  officeName: string;
  number: string;
  dueDateText: string;
  disputeDeadlineText: string;
  commissionName: string;
  trackingUrl: string;
}): MailContent {
  return composeMail({
    subject: `Keberatan ${d.number} belum ditanggapi dalam jangka waktu`,
    greeting: `Yth. ${d.requesterName},`,
    paragraphs: [
      `Atasan PPID ${d.officeName} belum memberikan tanggapan tertulis atas keberatan Anda nomor ${d.number} sampai batas waktu ${d.dueDateText}.`,
      `Anda dapat mengajukan permohonan penyelesaian sengketa informasi kepada ${d.commissionName} paling lambat ${d.disputeDeadlineText} (${periodPhraseId('disputeFiling', PERIODS.disputeFiling.days)}). Berkas yang diperlukan dapat diunduh sekaligus di halaman lacak permohonan.`,
    ],
    action: { label: 'Buka halaman lacak permohonan', url: d.trackingUrl },
    closing: ['Hormat kami,', `PPID ${d.officeName}`],
  });
}
