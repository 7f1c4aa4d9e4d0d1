import { periodPhraseId, statutoryPhraseId } from '../../law/periods.ts';
import { composeMail, type MailContent } from '../../requests/emails/compose-mail.ts';

/** To the requester: the objection is registered (Perki 1/2021 Pasal 41), with its number and the answer's due date. */
export function objectionReceivedMail(d: {
  requesterName: string;
  officeName: string;
  number: string;
  requestNumber: string;
  receivedAtText: string;
  groundsText: string[];
  dueDateText: string;
  workingDays: number;
  /** ELECTION: Perki 1/2019 Pasal 14 applies, not UU 14/2008 Pasal 36(2). */
  profile?: 'STANDARD' | 'ELECTION';
  late: boolean;
  trackingUrl: string;
}): MailContent {
  return composeMail({
    subject: `Keberatan Anda diregistrasi — Nomor ${d.number}`,
    greeting: `Yth. ${d.requesterName},`,
    paragraphs: [
      `${d.officeName} telah menerima keberatan Anda atas permohonan informasi nomor ${d.requestNumber} pada ${d.receivedAtText}. Keberatan diregistrasi dengan nomor ${d.number}.`,
      `Atasan PPID wajib memberikan tanggapan tertulis paling lambat ${d.dueDateText} (${d.profile === 'ELECTION' ? `informasi tahapan pemilu, ${periodPhraseId('electionObjectionAnswer', d.workingDays)}` : periodPhraseId('objectionAnswer', d.workingDays)}).`,
      ...(d.late
        ? [
            `Keberatan ini diterima setelah batas waktu ${statutoryPhraseId('objectionFiling')} sejak alasan keberatan timbul. Keberatan tetap dicatat dan Atasan PPID akan mempertimbangkannya.`,
          ]
        : []),
      'Tanda bukti penerimaan (formulir keberatan bernomor) dapat diunduh di halaman lacak permohonan dengan nomor pendaftaran dan kode lacak permohonan Anda.',
    ],
    list: { title: 'Alasan keberatan:', items: d.groundsText },
    action: { label: 'Lihat keberatan di halaman lacak permohonan', url: d.trackingUrl },
    closing: ['Hormat kami,', `PPID ${d.officeName}`],
  });
}
