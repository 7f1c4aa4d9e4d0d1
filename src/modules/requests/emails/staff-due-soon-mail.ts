import { composeMail, type MailContent } from './compose-mail.ts';

/** Reminder to staff before a due date (sent once per due date, see the deadline sweep). */
export function staffDueSoonMail(d: {
  officeName: string;
  number: string;
  dueDateText: string;
  workingDaysLeft: number;
  statusText: string;
  requestUrl: string;
}): MailContent {
  const left = d.workingDaysLeft === 0 ? 'hari ini' : `${d.workingDaysLeft} hari kerja lagi`;
  return composeMail({
    subject: `[Pengingat] Permohonan ${d.number} jatuh tempo ${d.dueDateText}`,
    greeting: 'Kepada petugas layanan informasi dan PPID,',
    paragraphs: [
      `Pemberitahuan tertulis atas permohonan ${d.number} di ${d.officeName} harus diberikan paling lambat ${d.dueDateText} (${left}).`,
      'Jika informasi belum dapat diberikan, pertimbangkan perpanjangan satu kali dengan alasan tertulis sebelum tenggat lewat (UU No. 14 Tahun 2008 Pasal 22 ayat (8)).',
    ],
    facts: [['Status', d.statusText]],
    action: { label: 'Buka permohonan', url: d.requestUrl },
    closing: ['Terbuka'],
  });
}
