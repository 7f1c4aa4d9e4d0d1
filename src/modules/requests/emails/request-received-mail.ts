import { composeMail, type MailContent } from './compose-mail.ts';

/** To the requester at registration: number, tracking code, due date, where to follow it. */
export function requestReceivedMail(d: {
  requesterName: string;
  officeName: string;
  number: string;
  trackingCode: string;
  receivedAtText: string;
  channelText: string;
  dueDateText: string;
  workingDays: number;
  dueExplanation: string;
  trackingUrl: string;
  documentsUrl: string;
}): MailContent {
  return composeMail({
    subject: `Permohonan informasi Anda diterima — Nomor ${d.number}`,
    greeting: `Yth. ${d.requesterName},`,
    paragraphs: [
      `${d.officeName} telah menerima permohonan informasi publik Anda dan mencatatnya dengan nomor pendaftaran berikut (UU No. 14 Tahun 2008 Pasal 22 ayat (4)).`,
      `Simpan kode lacak di bawah ini. Bersama nomor pendaftaran, kode ini diperlukan untuk melihat perkembangan permohonan dan mengunduh dokumen. Jangan berikan kode ini kepada orang lain.`,
    ],
    facts: [
      ['Nomor pendaftaran', d.number],
      ['Kode lacak', d.trackingCode],
      ['Diterima', `${d.receivedAtText} (${d.channelText})`],
      ['Batas waktu pemberitahuan tertulis', `${d.dueDateText} (${d.workingDays} hari kerja)`],
      ['Perhitungan tenggat', d.dueExplanation],
    ],
    action: { label: 'Lacak permohonan Anda', url: d.trackingUrl },
    closing: [
      `Tanda bukti penerimaan dapat diunduh di ${d.documentsUrl}`,
      '',
      `Hormat kami,`,
      `PPID ${d.officeName}`,
    ],
  });
}
