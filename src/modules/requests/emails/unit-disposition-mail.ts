import { composeMail, type MailContent } from './compose-mail.ts';

/** To a unit (PPID Pembantu): a disposition with its instruction and internal due date. */
export function unitDispositionMail(d: {
  officeName: string;
  unitName: string;
  number: string;
  instruction: string;
  informationRequested: string;
  internalDueText: string;
  requestUrl: string;
}): MailContent {
  return composeMail({
    subject: `[Disposisi] Permohonan ${d.number} — jawab sebelum ${d.internalDueText}`,
    greeting: `Kepada ${d.unitName},`,
    paragraphs: [`PPID ${d.officeName} meneruskan permohonan informasi berikut kepada unit Anda.`],
    facts: [
      ['Nomor', d.number],
      ['Informasi yang diminta', d.informationRequested],
      ['Arahan', d.instruction],
      ['Jawab paling lambat', d.internalDueText],
    ],
    action: { label: 'Buka disposisi', url: d.requestUrl },
    closing: ['Terbuka'],
  });
}
