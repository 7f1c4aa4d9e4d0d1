import { PERIODS } from '../../law/periods.ts';
import { composeMail, type MailContent } from './compose-mail.ts';

/** To the requester: the written notice is ready (and, for a refusal, the right to object). */
export function requestDecidedMail(d: {
  requesterName: string;
  officeName: string;
  number: string;
  outcomeText: string;
  refused: boolean;
  feeText: string | null;
  nextStep: string;
  trackingUrl: string;
}): MailContent {
  return composeMail({
    subject: `Pemberitahuan tertulis atas permohonan ${d.number}: ${d.outcomeText}`,
    greeting: `Yth. ${d.requesterName},`,
    paragraphs: [
      `${d.officeName} telah menerbitkan pemberitahuan tertulis atas permohonan informasi Anda nomor ${d.number}. Keputusan: ${d.outcomeText}.`,
      ...(d.feeText ? [`Biaya yang perlu dibayar sebelum salinan diserahkan: ${d.feeText}.`] : []),
      d.nextStep,
      ...(d.refused
        ? [
            `Surat Keputusan PPID tentang Penolakan juga telah diterbitkan. Jika Anda tidak setuju, Anda berhak mengajukan keberatan kepada Atasan PPID paling lambat ${PERIODS.objectionFiling.days} hari kerja setelah menerima keputusan ini (UU No. 14 Tahun 2008 Pasal 35 dan 36).`,
          ]
        : [
            'Jika Anda tidak puas dengan tanggapan ini, Anda berhak mengajukan keberatan kepada Atasan PPID (UU No. 14 Tahun 2008 Pasal 35).',
          ]),
    ],
    action: { label: 'Unduh pemberitahuan tertulis', url: d.trackingUrl },
    closing: ['Hormat kami,', `PPID ${d.officeName}`],
  });
}
