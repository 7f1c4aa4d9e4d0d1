import { composeMail, type MailContent } from './compose-mail.ts';

/** To the requester when the completion period ended without the missing items. */
export function requestClosedIncompleteMail(d: {
  requesterName: string;
  officeName: string;
  number: string;
  completionDueText: string;
  formUrl: string;
}): MailContent {
  return composeMail({
    subject: `Permohonan ${d.number} ditutup karena tidak dilengkapi`,
    greeting: `Yth. ${d.requesterName},`,
    paragraphs: [
      `Sampai ${d.completionDueText}, persyaratan permohonan informasi nomor ${d.number} belum dilengkapi. Permohonan tersebut kami tutup.`,
      'Anda tetap dapat mengajukan permohonan baru kapan saja.',
    ],
    action: { label: 'Ajukan permohonan baru', url: d.formUrl },
    closing: ['Hormat kami,', `PPID ${d.officeName}`],
  });
}
