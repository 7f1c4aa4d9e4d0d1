import { composeMail, type MailContent } from '../../requests/emails/compose-mail.ts';

/** To the Atasan PPID and PPID when the requester reacts to the answer or withdraws. */
export function staffObjectionUpdateMail(d: {
  officeName: string;
  number: string;
  what: string;
  objectionUrl: string;
}): MailContent {
  return composeMail({
    subject: `[Keberatan ${d.number}] ${d.what}`,
    greeting: 'Kepada Atasan PPID dan PPID,',
    paragraphs: [`${d.what} — keberatan ${d.number} di ${d.officeName}.`],
    action: { label: 'Buka keberatan', url: d.objectionUrl },
    closing: ['Terbuka'],
  });
}
