import { composeMail, type MailContent } from './compose-mail.ts';

/** To staff when a due date passed without a written notice (sent once per due date). */
export function staffOverdueMail(d: {
  officeName: string;
  number: string;
  dueDateText: string;
  statusText: string;
  requestUrl: string;
}): MailContent {
  return composeMail({
    subject: `[Lewat tenggat] Permohonan ${d.number} belum dijawab`,
    greeting: 'Kepada PPID dan petugas layanan informasi,',
    paragraphs: [
      `Tenggat pemberitahuan tertulis atas permohonan ${d.number} di ${d.officeName} telah lewat pada ${d.dueDateText}.`,
      'Permohonan yang tidak ditanggapi atau terlambat dijawab merupakan alasan keberatan (UU No. 14 Tahun 2008 Pasal 35 ayat (1) huruf c dan g). Segera terbitkan pemberitahuan tertulis.',
    ],
    facts: [['Status', d.statusText]],
    action: { label: 'Buka permohonan', url: d.requestUrl },
    closing: ['Terbuka'],
  });
}
