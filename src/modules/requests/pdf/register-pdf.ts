import { formatDate, formatDateTime } from '../../../platform/i18n.ts';
import { createPdf, drawTable, numberPages, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import type { Register } from '../build-register.ts';

/** The register as a landscape F4 table, header repeated on every page. */
export async function renderRegisterPdf(register: Register, printedAt: Date): Promise<Buffer> {
  const doc = createPdf({ title: `Register Permohonan Informasi Publik — ${register.office.name}`, landscape: true, size: 'F4' });
  doc.page.margins.left = doc.page.margins.right = 28;
  doc.font('bold').fontSize(12).text(`REGISTER PERMOHONAN INFORMASI PUBLIK (MODEL PPID-C)`, 28, 36, { align: 'center', width: doc.page.width - 56 });
  doc.font('bold').fontSize(11).text(register.office.name.toUpperCase(), { align: 'center', width: doc.page.width - 56 });
  doc
    .font('regular')
    .fontSize(9)
    .text(
      `Periode ${formatDate(register.from, 'id')} s.d. ${formatDate(register.to, 'id')} · ${register.rows.length} permohonan${register.filter.publicVersion ? ' · versi publik tanpa data pribadi' : ''}`,
      { align: 'center', width: doc.page.width - 56 },
    );
  doc.moveDown(0.8);
  drawTable(
    doc,
    register.columns.map((c) => ({ header: c.header, width: c.width, align: c.key === 'no' || c.key === 'workingDays' ? ('right' as const) : ('left' as const) })),
    register.rows.map((row) => register.columns.map((c) => row[c.key])),
    { fontSize: 6 },
  );
  if (register.rows.length === 0) doc.font('italic').fontSize(9).text('Tidak ada permohonan pada periode ini.');
  const printed = formatDateTime(printedAt, 'id', register.office.timezone);
  numberPages(doc, (p, n) => `Register PPID-C ${register.office.name} · dicetak ${printed} · Halaman ${p} dari ${n}`);
  return pdfToBuffer(doc);
}
