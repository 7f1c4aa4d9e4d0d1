import { formatDateTime } from '../../../platform/i18n.ts';
import { numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import { DELIVERY_KIND_ID } from '../labels-id.ts';
import type { DecisionRow, DeliveryRow, RequestRow } from '../queries.ts';
import { labelledRows, paragraph, placeAndDate, startLetter, twoSignatures } from './letter-kit.ts';

/** Tanda Bukti Penyerahan Informasi Publik (regulation.md §3.4, §9): what was handed over, how, when, to whom. */
export async function renderDeliveryReceiptPdf(input: {
  request: RequestRow;
  decision: DecisionRow;
  delivery: DeliveryRow;
  logoPng: Buffer | null;
}): Promise<Buffer> {
  const { request: r, decision: d, delivery: v } = input;
  const doc = startLetter(v.issuedBy, input.logoPng, 'TANDA BUKTI PENYERAHAN INFORMASI PUBLIK');
  paragraph(
    doc,
    `Pada ${formatDateTime(v.deliveredAt, 'id', v.issuedBy.timeZone)} telah diserahkan informasi publik sebagai berikut:`,
  );
  labelledRows(doc, [
    ['Nomor pendaftaran', r.number],
    ['Nama pemohon', r.requesterName],
    ['Diterima oleh', v.recipientName],
    ['Informasi yang diserahkan', v.items],
    ['Bentuk informasi', d.forms.map((f) => (f === 'SOFTCOPY' ? 'softcopy' : 'hardcopy')).join(', ') || '-'],
    ['Cara penyerahan', DELIVERY_KIND_ID[v.kind]],
    ...(v.downloadUntil
      ? ([['Tautan unduh berlaku sampai', formatDateTime(v.downloadUntil, 'id', v.issuedBy.timeZone)]] as [
          string,
          string,
        ][])
      : []),
    ...(v.note ? ([['Catatan', v.note]] as [string, string][]) : []),
  ]);
  twoSignatures(
    doc,
    placeAndDate(v.issuedBy, v.deliveredAt),
    { title: 'Yang menerima,', name: v.recipientName },
    { title: 'Yang menyerahkan,', name: v.officerName },
  );
  numberPages(doc, (p, n) => `${r.number} · Halaman ${p} dari ${n}`);
  return pdfToBuffer(doc);
}
