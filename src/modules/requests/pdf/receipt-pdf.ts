import { periodPhraseId } from '../../law/periods.ts';
import { formatDate, formatDateTime } from '../../../platform/i18n.ts';
import { drawSignature, numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import { explainDueId } from '../explain-due.ts';
import {
  ACCESS_METHOD_ID,
  CATEGORY_ID,
  CHANNEL_ID,
  DELIVERY_METHOD_ID,
  REQUESTER_TYPE_ID,
} from '../labels-id.ts';
import type { RequestRow } from '../queries.ts';
import { footnote, labelledRows, paragraph, placeAndDate, startLetter } from './letter-kit.ts';

/**
 * Tanda Bukti Penerimaan Permohonan Informasi Publik (UU 14/2008 Pasal 22(4)-(5); fields of
 * regulation.md §3.3). The NIK is masked: the receipt travels by email and paper.
 */
export async function renderReceiptPdf(input: {
  request: RequestRow;
  logoPng: Buffer | null;
  trackingUrl: string;
}): Promise<Buffer> {
  const r = input.request;
  const doc = startLetter(
    r.issuedBy,
    input.logoPng,
    'TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK',
    `Nomor Pendaftaran: ${r.number}`,
  );
  const identity =
    r.requesterType === 'BADAN_HUKUM'
      ? ['Nomor pengesahan badan hukum', r.legalDocumentNumber ?? '-']
      : ['NIK', r.nikMasked ?? '-'];
  labelledRows(doc, [
    ['Nomor pendaftaran', r.number],
    [
      'Diterima',
      `${formatDateTime(r.receivedAt, 'id', r.issuedBy.timeZone)} melalui ${CHANNEL_ID[r.channel]}`,
    ],
    ...(r.receivedNote ? ([['Keterangan penerimaan', r.receivedNote]] as [string, string][]) : []),
    ['Jenis pemohon', REQUESTER_TYPE_ID[r.requesterType]],
    ['Nama', r.requesterName],
    ...(r.representativeName ? ([['Kuasa/perwakilan', r.representativeName]] as [string, string][]) : []),
    identity as [string, string],
    ['Alamat', r.address],
    ['Pekerjaan', r.occupation ?? '-'],
    ['Telepon/email', [r.phone, r.email].filter(Boolean).join(' / ') || '-'],
  ]);
  doc.moveDown(0.5);
  labelledRows(doc, [
    ['Informasi yang diminta', r.informationRequested],
    ['Tujuan penggunaan', r.purpose],
    ['Kategori informasi', CATEGORY_ID[r.category]],
    ['Cara memperoleh informasi', r.accessMethods.map((m) => ACCESS_METHOD_ID[m]).join(', ')],
    ['Cara mendapatkan salinan', DELIVERY_METHOD_ID[r.deliveryMethod]],
  ]);
  doc.moveDown(0.5);
  const due = r.dueExplanation;
  paragraph(
    doc,
    `Pemberitahuan tertulis atas permohonan ini wajib diberikan paling lambat ${formatDate(r.dueDate, 'id')} (${
      due.profile === 'ELECTION'
        ? `informasi tahapan pemilu, ${periodPhraseId('electionResponse', due.workingDays)}`
        : periodPhraseId('requestResponse', due.workingDays)
    }); dapat diperpanjang satu kali paling lama ${r.extensionDays} hari kerja dengan alasan tertulis.`,
  );
  paragraph(doc, `Perhitungan: ${explainDueId(due)}.`);
  paragraph(
    doc,
    `Perkembangan permohonan dapat dilihat di ${input.trackingUrl} dengan nomor pendaftaran dan kode lacak yang diberikan saat permohonan diterima.`,
    { align: 'left' },
  );
  drawSignature(doc, {
    placeAndDate: placeAndDate(r.issuedBy, r.createdAt),
    title: 'Petugas Layanan Informasi,',
    name: r.intakeOfficerName ?? 'Petugas Layanan Informasi',
  });
  footnote(
    doc,
    'Dokumen ini dibuat oleh Terbuka dari data permohonan yang tercatat; keasliannya dapat diperiksa pada halaman lacak permohonan.',
  );
  numberPages(doc, (p, n) => `${r.number} · Halaman ${p} dari ${n}`);
  return pdfToBuffer(doc);
}
