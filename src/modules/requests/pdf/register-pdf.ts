import { formatDate, formatDateTime } from '../../../platform/i18n.ts';
import { createPdf, drawTable, numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import type { Register, RegisterRow } from '../build-register.ts';

// On paper the 23 register columns are grouped into 12, each cell listing its parts on their
// own lines, so that a landscape F4 page stays readable; the spreadsheet keeps one column each.
const PDF_COLUMNS: {
  header: string;
  width: number;
  cell: (r: RegisterRow, publicVersion: boolean) => string;
  align?: 'right';
}[] = [
  { header: 'No.', width: 2.6, cell: (r) => r.no, align: 'right' },
  {
    header: 'Nomor pendaftaran, tanggal diterima, saluran',
    width: 9,
    cell: (r) => [r.number, r.receivedDate, r.channel].join('\n'),
  },
  {
    header: 'Pemohon (nama, jenis, alamat, kontak, pekerjaan)',
    width: 12,
    cell: (r, pub) =>
      pub
        ? r.requesterType
        : [r.name, r.requesterType, r.address, r.contact, r.occupation].filter(Boolean).join('\n'),
  },
  {
    header: 'Informasi yang diminta (kategori)',
    width: 14,
    cell: (r) => `${r.information}\n(${r.category})`,
  },
  { header: 'Tujuan penggunaan informasi', width: 10, cell: (r) => r.purpose },
  {
    header: 'Status informasi; bentuk yang dikuasai',
    width: 8,
    cell: (r) => [r.held, r.formHeld].filter(Boolean).join('\n'),
  },
  { header: 'Jenis permohonan', width: 8, cell: (r) => r.requestType },
  {
    header: 'Keputusan; alasan penolakan',
    width: 11,
    cell: (r) => [r.decision, r.refusalReason].filter(Boolean).join('\n'),
  },
  { header: 'Hari/tanggal pemberitahuan tertulis', width: 8.5, cell: (r) => r.noticeDate },
  { header: 'Perpanjangan (alasan)', width: 9, cell: (r) => r.extension },
  {
    header: 'Biaya dan cara pembayaran; penyerahan',
    width: 9,
    cell: (r) => [r.fee, r.delivery].filter(Boolean).join('\n'),
  },
  {
    header: 'Lama proses (hari kerja); status',
    width: 7,
    cell: (r) => [r.workingDays ? `${r.workingDays} HK` : '', r.status].filter(Boolean).join('\n'),
  },
];

/** The register as a landscape F4 table, header repeated on every page. */
export async function renderRegisterPdf(register: Register, printedAt: Date): Promise<Buffer> {
  const doc = createPdf({
    title: `Register Permohonan Informasi Publik — ${register.office.name}`,
    landscape: true,
    size: 'F4',
  });
  doc.page.margins.left = doc.page.margins.right = 28;
  const width = doc.page.width - 56;
  doc
    .font('bold')
    .fontSize(12)
    .text('REGISTER PERMOHONAN INFORMASI PUBLIK (MODEL PPID-C)', 28, 36, { align: 'center', width });
  doc.font('bold').fontSize(11).text(register.office.name.toUpperCase(), { align: 'center', width });
  doc
    .font('regular')
    .fontSize(9)
    .text(
      `Periode ${formatDate(register.from, 'id')} s.d. ${formatDate(register.to, 'id')} · ${register.rows.length} permohonan${register.filter.publicVersion ? ' · versi publik tanpa data pribadi' : ''}`,
      { align: 'center', width },
    );
  doc.moveDown(0.8);
  const pub = register.filter.publicVersion;
  drawTable(
    doc,
    PDF_COLUMNS.map((c) => ({ header: c.header, width: c.width, align: c.align ?? 'left' })),
    register.rows.map((row) => PDF_COLUMNS.map((c) => c.cell(row, pub))),
    { fontSize: 7 },
  );
  if (register.rows.length === 0)
    doc.font('italic').fontSize(9).text('Tidak ada permohonan pada periode ini.');
  const printed = formatDateTime(printedAt, 'id', register.office.timezone);
  numberPages(
    doc,
    (p, n) => `Register PPID-C ${register.office.name} · dicetak ${printed} · Halaman ${p} dari ${n}`,
  );
  return pdfToBuffer(doc);
}
