import { formatDate } from '../../../platform/i18n.ts';
import { drawSignature, numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import { MISSING_ITEM_ID, type MissingItem } from '../labels-id.ts';
import type { RequestRow } from '../queries.ts';
import { labelledRows, paragraph, placeAndDate, startLetter } from './letter-kit.ts';

/** Pemberitahuan kekurangan persyaratan: what is missing and the completion deadline (regulation.md §3.2). */
export async function renderIncompleteNoticePdf(input: {
  request: RequestRow;
  logoPng: Buffer | null;
  officerName: string;
}): Promise<Buffer> {
  const r = input.request;
  const doc = startLetter(
    r.issuedBy,
    input.logoPng,
    'PEMBERITAHUAN KEKURANGAN PERSYARATAN PERMOHONAN INFORMASI',
  );
  labelledRows(doc, [
    ['Nomor pendaftaran', r.number],
    ['Nama pemohon', r.requesterName],
    ['Alamat', r.address],
    ['Informasi yang diminta', r.informationRequested],
  ]);
  doc.moveDown(0.5);
  paragraph(
    doc,
    'Setelah diperiksa, permohonan informasi Saudara/i belum dapat diproses karena persyaratan berikut belum dipenuhi:',
  );
  (r.missingItems ?? []).forEach((item, i) =>
    paragraph(doc, `${i + 1}. ${MISSING_ITEM_ID[item as MissingItem] ?? item}`, {
      indent: 12,
      align: 'left',
    }),
  );
  if (r.incompleteNote) paragraph(doc, `Catatan: ${r.incompleteNote}`);
  if (r.completionDueDate) {
    paragraph(
      doc,
      `Mohon dilengkapi paling lambat ${formatDate(r.completionDueDate, 'id')} melalui halaman lacak permohonan, email, atau meja layanan. Apabila sampai batas tersebut persyaratan belum dilengkapi, permohonan ditutup dan Saudara/i dapat mengajukan permohonan baru. Jangka waktu pemberitahuan tertulis dihitung kembali sejak permohonan dilengkapi.`,
    );
  }
  drawSignature(doc, {
    placeAndDate: placeAndDate(r.issuedBy, r.incompleteAt ?? r.createdAt),
    title: 'Petugas Layanan Informasi,',
    name: input.officerName,
  });
  numberPages(doc, (p, n) => `${r.number} · Halaman ${p} dari ${n}`);
  return pdfToBuffer(doc);
}
