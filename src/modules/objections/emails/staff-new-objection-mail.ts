import { statutoryPhraseId } from '../../law/periods.ts';
import { composeMail, type MailContent } from '../../requests/emails/compose-mail.ts';

/** To the Atasan PPID and the PPID: a new objection to answer, flagged when late. */
export function staffNewObjectionMail(d: {
  officeName: string;
  number: string;
  requestNumber: string;
  groundsText: string[];
  dueDateText: string;
  late: boolean;
  mismatchedGrounds?: readonly string[];
  objectionUrl: string;
}): MailContent {
  return composeMail({
    subject: `${d.late ? '[TERLAMBAT] ' : ''}Keberatan baru ${d.number} atas permohonan ${d.requestNumber}`,
    greeting: 'Kepada Atasan PPID dan PPID,',
    paragraphs: [
      `Keberatan ${d.number} atas permohonan ${d.requestNumber} di ${d.officeName} telah diregistrasi. Tanggapan tertulis Atasan PPID paling lambat ${d.dueDateText}.`,
      ...(d.late
        ? [
            `Keberatan ini diajukan setelah batas waktu ${statutoryPhraseId('objectionFiling')} sejak alasannya timbul; keberatan tetap dicatat untuk dipertimbangkan Atasan PPID.`,
          ]
        : []),
      ...(d.mismatchedGrounds && d.mismatchedGrounds.length > 0
        ? [
            `Perhatian: alasan huruf ${d.mismatchedGrounds.join(', ')} tidak sesuai dengan keadaan permohonan menurut register (lihat halaman keberatan); keberatan tetap dicatat untuk dinilai Atasan PPID.`,
          ]
        : []),
    ],
    list: { title: 'Alasan keberatan:', items: d.groundsText },
    action: { label: 'Buka keberatan', url: d.objectionUrl },
    closing: ['Terbuka'],
  });
}
