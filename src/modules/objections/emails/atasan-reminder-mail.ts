import { composeMail, type MailContent } from '../../requests/emails/compose-mail.ts';

/** To the Atasan PPID: an answer due soon, or overdue (sent once per due date; see the sweep). */
export function atasanReminderMail(d: {
  kind: 'due-soon' | 'overdue';
  officeName: string;
  number: string;
  requestNumber: string;
  dueDateText: string;
  workingDaysLeft: number;
  objectionUrl: string;
}): MailContent {
  const left = d.workingDaysLeft === 0 ? 'hari ini' : `${d.workingDaysLeft} hari kerja lagi`;
  return composeMail({
    subject:
      d.kind === 'overdue'
        ? `[Terlambat] Keberatan ${d.number} belum ditanggapi (batas ${d.dueDateText})`
        : `[Pengingat] Tanggapan keberatan ${d.number} paling lambat ${d.dueDateText}`,
    greeting: 'Kepada Atasan PPID,',
    paragraphs:
      d.kind === 'overdue'
        ? [
            `Jangka waktu tanggapan atas keberatan ${d.number} (permohonan ${d.requestNumber}) di ${d.officeName} telah lewat pada ${d.dueDateText}. Pemohon kini dapat mengajukan sengketa ke Komisi Informasi (UU No. 14 Tahun 2008 Pasal 37 ayat (2)).`,
            'Tanggapan tertulis masih dapat diberikan dan akan dicatat.',
          ]
        : [
            `Tanggapan tertulis atas keberatan ${d.number} (permohonan ${d.requestNumber}) di ${d.officeName} harus diberikan paling lambat ${d.dueDateText} (${left}), UU No. 14 Tahun 2008 Pasal 36 ayat (2).`,
          ],
    action: { label: 'Buka keberatan', url: d.objectionUrl },
    closing: ['Terbuka'],
  });
}
