import { daysInWordsId } from '../../law/periods.ts';
import { formatDate } from '../../../platform/i18n.ts';
import { drawSignature, numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import { explainDueId } from '../explain-due.ts';
import type { ExtensionRow, RequestRow } from '../queries.ts';
import { labelledRows, paragraph, placeAndDate, startLetter } from './letter-kit.ts';

/** Surat pemberitahuan perpanjangan waktu (UU 14/2008 Pasal 22(8); regulation.md §9). */
export async function renderExtensionLetterPdf(input: {
  request: RequestRow;
  extension: ExtensionRow;
  logoPng: Buffer | null;
}): Promise<Buffer> {
  const { request: r, extension: x } = input;
  const doc = startLetter(
    x.issuedBy,
    input.logoPng,
    'PEMBERITAHUAN PERPANJANGAN WAKTU',
    'Pemberitahuan tertulis atas permohonan informasi publik',
  );
  labelledRows(doc, [
    ['Nomor pendaftaran', r.number],
    ['Tanggal permohonan', formatDate(r.receivedAt, 'id', x.issuedBy.timeZone)],
    ['Nama pemohon', r.requesterName],
    ['Alamat', r.address],
    ['Informasi yang diminta', r.informationRequested],
  ]);
  doc.moveDown(0.5);
  paragraph(
    doc,
    `Berdasarkan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik Pasal 22 ayat (8), dengan ini kami memberitahukan bahwa jangka waktu pemberitahuan tertulis atas permohonan tersebut diperpanjang selama ${daysInWordsId(r.extensionDays)} hari kerja.`,
  );
  labelledRows(doc, [
    ['Alasan perpanjangan', x.reason],
    ['Batas waktu semula', formatDate(x.previousDueDate, 'id')],
    ['Batas waktu baru', formatDate(x.newDueDate, 'id')],
    ['Perhitungan', explainDueId(x.explanation)],
  ]);
  paragraph(doc, 'Perpanjangan ini hanya dapat dilakukan satu kali.');
  drawSignature(doc, {
    placeAndDate: placeAndDate(x.issuedBy, x.extendedAt),
    title: `Pejabat Pengelola Informasi dan Dokumentasi ${x.issuedBy.officeName},`,
    name: x.officerName,
    idLine: x.officerNip ? `NIP. ${x.officerNip}` : null,
  });
  numberPages(doc, (p, n) => `${r.number} · Halaman ${p} dari ${n}`);
  return pdfToBuffer(doc);
}
