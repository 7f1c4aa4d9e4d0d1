import { composeMail, type MailContent } from './compose-mail.ts';

/** To the requester: the due date moved because the working-day calendar changed (ADR 0046). */
export function dueDateMovedMail(d: {
  requesterName: string;
  officeName: string;
  number: string;
  kind: 'request' | 'objection';
  previousDueText: string;
  newDueText: string;
  cause: string;
}): MailContent {
  const what =
    d.kind === 'request' ? `permohonan informasi nomor ${d.number}` : `keberatan nomor ${d.number}`;
  return composeMail({
    subject: `Perubahan batas waktu ${d.kind === 'request' ? 'permohonan' : 'keberatan'} ${d.number}`,
    greeting: `Yth. ${d.requesterName},`,
    paragraphs: [
      `Batas waktu ${d.kind === 'request' ? 'pemberitahuan tertulis atas' : 'tanggapan Atasan PPID atas'} ${what} di ${d.officeName} dihitung ulang karena kalender hari kerja berubah: ${d.cause}.`,
      'Jangka waktu dihitung dalam hari kerja; hari libur yang ditetapkan pemerintah tidak dihitung. Surat dan halaman lacak memakai tanggal baru.',
    ],
    facts: [
      ['Batas waktu semula', d.previousDueText],
      ['Batas waktu baru', d.newDueText],
    ],
    closing: ['Hormat kami,', `PPID ${d.officeName}`],
  });
}
