import { formatDate, formatDateTime } from '../../../platform/i18n.ts';
import { createPdf, drawTable, numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import type { ObjectionRegister, ObjectionRegisterRow } from '../build-objection-register.ts';

// On paper the register's columns are grouped so that a landscape F4 page stays readable; the
// spreadsheet keeps one column each (as the request register does).
const PDF_COLUMNS: {
  header: string;
  width: number;
  cell: (r: ObjectionRegisterRow, pub: boolean) => string;
  align?: 'right';
}[] = [
  { header: 'No.', width: 2.6, cell: (r) => r.no, align: 'right' },
  {
    header: 'Nomor registrasi, tanggal diterima, cara',
    width: 11,
    cell: (r) => [r.number, r.receivedDate, r.channel].join('\n'),
  },
  {
    header: 'Identitas pemohon; kuasa',
    width: 11,
    cell: (r, pub) =>
      pub ? '-' : [r.requester, r.attorney !== '-' ? `Kuasa: ${r.attorney}` : ''].filter(Boolean).join('\n'),
  },
  {
    header: 'Nomor pendaftaran permohonan; informasi yang diminta',
    width: 13,
    cell: (r) => `${r.requestNumber}\n${r.information}`,
  },
  { header: 'Tujuan penggunaan', width: 8, cell: (r) => r.purpose },
  {
    header: 'Alasan keberatan; terlambat',
    width: 7,
    cell: (r) => `${r.grounds}\n${r.late === 'Tidak' ? '' : `Terlambat: ${r.late}`}`.trim(),
  },
  { header: 'Batas tanggapan', width: 6.5, cell: (r) => r.dueDate },
  { header: 'Keputusan Atasan PPID', width: 12, cell: (r) => r.decision },
  {
    header: 'Hari/tanggal tanggapan; nama dan jabatan Atasan PPID',
    width: 10,
    cell: (r) => [r.answerDate, r.atasan].filter(Boolean).join('\n'),
  },
  { header: 'Tanggapan pemohon', width: 8, cell: (r) => r.reaction },
  { header: 'Sengketa; status', width: 10, cell: (r) => [r.dispute, r.status].filter(Boolean).join('\n') },
];

/** The objection register as a landscape F4 table, header repeated on every page. */
export async function renderObjectionRegisterPdf(
  register: ObjectionRegister,
  printedAt: Date,
): Promise<Buffer> {
  const doc = createPdf({
    title: `Register Keberatan — ${register.office.name}`,
    landscape: true,
    size: 'F4',
  });
  doc.page.margins.left = doc.page.margins.right = 28;
  const width = doc.page.width - 56;
  doc.font('bold').fontSize(12).text('REGISTER KEBERATAN (MODEL PPID-G)', 28, 36, { align: 'center', width });
  doc.font('bold').fontSize(11).text(register.office.name.toUpperCase(), { align: 'center', width });
  doc
    .font('regular')
    .fontSize(9)
    .text(
      `Periode ${formatDate(register.from, 'id')} s.d. ${formatDate(register.to, 'id')} · ${register.rows.length} keberatan${register.filter.publicVersion ? ' · versi publik tanpa data pribadi' : ''}`,
      { align: 'center', width },
    );
  doc.moveDown(0.8);
  drawTable(
    doc,
    PDF_COLUMNS.map((c) => ({ header: c.header, width: c.width, align: c.align ?? 'left' })),
    register.rows.map((row) => PDF_COLUMNS.map((c) => c.cell(row, register.filter.publicVersion))),
    { fontSize: 7 },
  );
  if (register.rows.length === 0)
    doc.font('italic').fontSize(9).text('Tidak ada keberatan pada periode ini.');
  const printed = formatDateTime(printedAt, 'id', register.office.timezone);
  numberPages(
    doc,
    (p, n) => `Register PPID-G ${register.office.name} · dicetak ${printed} · Halaman ${p} dari ${n}`,
  );
  return pdfToBuffer(doc);
}
