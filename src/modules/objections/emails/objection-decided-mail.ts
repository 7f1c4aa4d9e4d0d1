import { PERIODS, periodPhraseId } from '../../law/periods.ts';
import { composeMail, type MailContent } from '../../requests/emails/compose-mail.ts';

/** To the requester: the Tanggapan Atasan PPID, and what they may do next (UU 14/2008 Pasal 37). */
export function objectionDecidedMail(d: {
  requesterName: string;
  officeName: string;
  number: string;
  requestNumber: string;
  outcomeText: string;
  reasons: string | null;
  newDueText: string | null;
  disputeDeadlineText: string | null;
  commissionName: string;
  trackingUrl: string;
}): MailContent {
  return composeMail({
    subject: `Tanggapan Atasan PPID atas keberatan ${d.number}: ${d.outcomeText}`,
    greeting: `Yth. ${d.requesterName},`,
    paragraphs: [
      `Atasan PPID ${d.officeName} telah menanggapi keberatan Anda nomor ${d.number} atas permohonan ${d.requestNumber}. Putusan: ${d.outcomeText}.`,
      ...(d.reasons ? [`Alasan: ${d.reasons}`] : []),
      ...(d.newDueText
        ? [
            `PPID diperintahkan menindaklanjuti permohonan Anda dan memberikan pemberitahuan tertulis baru paling lambat ${d.newDueText}.`,
          ]
        : []),
      'Mohon sampaikan apakah Anda menerima tanggapan ini melalui halaman lacak permohonan.',
      ...(d.disputeDeadlineText
        ? [
            `Jika Anda tidak puas, Anda dapat mengajukan permohonan penyelesaian sengketa informasi kepada ${d.commissionName} paling lambat ${d.disputeDeadlineText} (${periodPhraseId('disputeFiling', PERIODS.disputeFiling.days)}). Berkas yang diperlukan dapat diunduh sekaligus di halaman lacak permohonan.`,
          ]
        : []),
    ],
    action: { label: 'Unduh Tanggapan Atasan PPID', url: d.trackingUrl },
    closing: ['Hormat kami,', `PPID ${d.officeName}`],
  });
}
