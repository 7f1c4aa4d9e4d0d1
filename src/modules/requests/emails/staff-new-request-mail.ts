import { composeMail, type MailContent } from './compose-mail.ts';

/** To the desk and the PPID: a request arrived (no personal data beyond what the task needs). */
export function staffNewRequestMail(d: {
  officeName: string;
  number: string;
  channelText: string;
  categoryText: string;
  informationRequested: string;
  dueDateText: string;
  requestUrl: string;
}): MailContent {
  return composeMail({
    subject: `[Permohonan baru] ${d.number} — tenggat ${d.dueDateText}`,
    greeting: 'Kepada petugas layanan informasi dan PPID,',
    paragraphs: [`Permohonan informasi baru masuk ke ${d.officeName} dan menunggu pemeriksaan kelengkapan.`],
    facts: [
      ['Nomor', d.number],
      ['Saluran', d.channelText],
      ['Kategori', d.categoryText],
      ['Informasi yang diminta', d.informationRequested],
      ['Tenggat pemberitahuan tertulis', d.dueDateText],
    ],
    action: { label: 'Buka permohonan', url: d.requestUrl },
    closing: ['Terbuka'],
  });
}
