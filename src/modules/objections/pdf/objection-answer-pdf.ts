import { PERIODS } from '../../law/periods.ts';
import { formatDate, formatDateWithWeekday } from '../../../platform/i18n.ts';
import { drawSignature, numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import {
  checkLine,
  labelledRows,
  paragraph,
  placeAndDate,
  startLetter,
} from '../../requests/pdf/letter-kit.ts';
import { GROUND_ID } from '../labels-id.ts';
import type { ObjectionDecisionRow, ObjectionRow } from '../queries.ts';

/**
 * Tanggapan Atasan PPID atas Keberatan (UU 14/2008 Pasal 36(2); regulation.md §9): the objection
 * number, the decision, the reasons (mandatory when the PPID's decision stands), the order to the
 * PPID and its deadline when granted, the requester's right to the Komisi Informasi (Pasal 37),
 * the date and the Atasan PPID's name and position.
 */
export async function renderObjectionAnswerPdf(input: {
  objection: ObjectionRow;
  decision: ObjectionDecisionRow;
  commissionName: string;
  logoPng: Buffer | null;
}): Promise<Buffer> {
  const { objection: o, decision: d } = input;
  const doc = startLetter(
    d.issuedBy,
    input.logoPng,
    'TANGGAPAN ATASAN PPID ATAS KEBERATAN',
    `Nomor keberatan: ${o.number}`,
  );
  paragraph(doc, 'Berdasarkan keberatan atas permohonan informasi publik yang diajukan oleh:');
  labelledRows(doc, [
    ['Nama', o.requesterName + (o.attorneyName ? ` (melalui kuasa: ${o.attorneyName})` : '')],
    ['Alamat', o.requesterAddress],
    ['Nomor registrasi keberatan', o.number],
    ['Tanggal keberatan diterima', formatDate(o.receivedAt, 'id', d.issuedBy.timeZone)],
    ['Nomor pendaftaran permohonan', o.requestNumber],
    ['Informasi yang diminta', o.informationRequested],
  ]);
  paragraph(doc, 'dengan alasan keberatan (UU No. 14 Tahun 2008 Pasal 35 ayat (1)):');
  for (const g of o.grounds) paragraph(doc, `huruf ${g}. ${GROUND_ID[g]}`, { indent: 12, align: 'left' });
  paragraph(doc, 'Atasan PPID memutuskan:', { bold: true });
  checkLine(doc, d.outcome === 'GRANTED', 'Menerima keberatan seluruhnya; putusan PPID dibatalkan');
  checkLine(doc, d.outcome === 'GRANTED_IN_PART', 'Menerima keberatan sebagian');
  checkLine(doc, d.outcome === 'REJECTED', 'Menolak keberatan; putusan PPID dikuatkan');
  if (d.reasons) {
    paragraph(doc, 'Alasan:', { bold: true });
    paragraph(doc, d.reasons);
  }
  if (d.order) {
    paragraph(doc, 'Perintah kepada PPID:', { bold: true });
    paragraph(doc, d.order);
    if (d.requestDueDate) {
      paragraph(
        doc,
        `PPID wajib memberikan pemberitahuan tertulis atas permohonan ${o.requestNumber} paling lambat ${formatDateWithWeekday(d.requestDueDate, 'id')} (${d.orderDays} hari kerja).`,
      );
    }
  }
  paragraph(
    doc,
    `Apabila Saudara/i tidak puas dengan tanggapan ini, Saudara/i dapat mengajukan permohonan penyelesaian sengketa informasi publik kepada ${input.commissionName}${
      o.disputeDeadline ? ` paling lambat ${formatDate(o.disputeDeadline, 'id')}` : ''
    } (${PERIODS.disputeFiling.days} hari kerja sejak tanggapan ini diterima, ${PERIODS.disputeFiling.basis.letter}).`,
  );
  drawSignature(doc, {
    placeAndDate: placeAndDate(d.issuedBy, d.decidedAt),
    // Decisions recorded before issue 13 stored the bare role name as the position: print it once.
    title: d.officerPosition === 'Atasan PPID' ? 'Atasan PPID,' : `Atasan PPID,\n${d.officerPosition}`,
    name: d.officerName,
    idLine: d.officerNip ? `NIP. ${d.officerNip}` : null,
  });
  numberPages(doc, (p, n) => `${o.number} · Halaman ${p} dari ${n}`);
  return pdfToBuffer(doc);
}
