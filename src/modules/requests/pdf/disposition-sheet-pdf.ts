import { formatDate, formatDateTime } from '../../../platform/i18n.ts';
import { drawSignature, numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import type { DispositionRow, RequestRow } from '../queries.ts';
import { footnote, labelledRows, paragraph, startLetter } from './letter-kit.ts';

/**
 * Lembar Disposisi / Nota Dinas for request routing (seed 002 step 4; regulation.md §3.4 and
 * §9: from, to, subject, instruction, date): the PPID sends the request to the unit that holds
 * the information with an instruction and an internal due date before the statutory one. The
 * unit's answer is printed under it once given, so the paper file shows the whole exchange.
 */

export interface DispositionSheetInput {
  request: RequestRow;
  disposition: DispositionRow;
  unitName: string;
  /** The officer who sent it (name and, when known, NIP), as the signer. */
  sender: { name: string; nip: string | null };
  /** Who answered for the unit, by name. */
  answeredByName: string | null;
  logoPng: Buffer | null;
}

export async function renderDispositionSheetPdf(input: DispositionSheetInput): Promise<Buffer> {
  const { request: r, disposition: d } = input;
  const ib = r.issuedBy;
  const doc = startLetter(
    ib,
    input.logoPng,
    'LEMBAR DISPOSISI / NOTA DINAS',
    `Permohonan Informasi Publik Nomor Pendaftaran ${r.number}`,
  );
  labelledRows(doc, [
    ['Yth.', `${input.unitName} (PPID Pembantu/unit pengelola informasi)`],
    ['Dari', `Pejabat Pengelola Informasi dan Dokumentasi (PPID) ${ib.officeName}`],
    ['Tanggal', formatDateTime(d.sentAt, 'id', ib.timeZone)],
    ['Perihal', `Permohonan informasi publik Nomor ${r.number}`],
    ['Pemohon', r.requesterName],
    ['Diterima', formatDate(r.receivedAt, 'id', ib.timeZone)],
    ['Informasi yang diminta', r.informationRequested],
    ['Batas waktu pemberitahuan tertulis', formatDate(r.extendedDueDate ?? r.dueDate, 'id')],
    ['Tenggat jawaban unit', formatDate(d.internalDueDate, 'id')],
  ]);
  doc.moveDown(0.4);
  paragraph(doc, 'Isi disposisi:', { bold: true, align: 'left' });
  paragraph(doc, d.instruction);
  paragraph(
    doc,
    `Mohon unit menyampaikan kepada PPID apakah informasi tersebut dikuasai, beserta salinannya, paling lambat ${formatDate(d.internalDueDate, 'id')}, agar pemberitahuan tertulis dapat diberikan dalam jangka waktu UU No. 14 Tahun 2008 Pasal 22.`,
  );
  drawSignature(doc, {
    placeAndDate: `${ib.city}, ${formatDate(d.sentAt, 'id', ib.timeZone)}`,
    title: `PPID ${ib.officeName},`,
    name: input.sender.name,
    idLine: input.sender.nip ? `NIP. ${input.sender.nip}` : null,
  });
  doc.moveDown(1.5);
  paragraph(doc, 'Jawaban unit:', { bold: true, align: 'left' });
  if (d.answeredAt) {
    labelledRows(doc, [
      ['Informasi dikuasai', d.informationHeld ? 'Ya' : 'Tidak'],
      ['Keterangan', d.answerNotes ?? '-'],
      ['Dijawab', `${formatDateTime(d.answeredAt, 'id', ib.timeZone)} oleh ${input.answeredByName ?? '-'}`],
    ]);
  } else {
    paragraph(doc, 'Belum dijawab.');
  }
  footnote(
    doc,
    `Dicatat di Terbuka oleh ${input.sender.name} pada ${formatDateTime(d.sentAt, 'id', ib.timeZone)}.`,
  );
  numberPages(doc, (p, n) => `Disposisi ${r.number} · Halaman ${p} dari ${n}`);
  return pdfToBuffer(doc);
}
