import { composeMail, type MailContent } from './compose-mail.ts';

/** To staff when the requester completes a request, or a unit answers a disposition. */
export function staffRequestUpdateMail(d: {
  officeName: string;
  number: string;
  what: string;
  requestUrl: string;
}): MailContent {
  return composeMail({
    subject: `[Permohonan ${d.number}] ${d.what}`,
    greeting: 'Kepada petugas layanan informasi dan PPID,',
    paragraphs: [`${d.what} — permohonan ${d.number} di ${d.officeName}.`],
    action: { label: 'Buka permohonan', url: d.requestUrl },
    closing: ['Terbuka'],
  });
}
