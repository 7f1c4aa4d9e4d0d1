import { formatDate } from '../../platform/i18n.ts';
import {
  createPdf,
  drawLetterhead,
  drawSignature,
  drawTable,
  numberPages,
  pdfToBuffer,
  type Pdf,
  type TableColumn,
} from '../../platform/pdf/pdf.ts';
import { CATEGORY_HEADINGS, modelADescriptionCells, type DipDocument } from './dip-document.ts';
import { decreeLine, dipTitleLines } from './export-dip.ts';
import { DIP_CATEGORIES } from './model.ts';

// The printable DIP in the Model PPID-A layout: letterhead, title, the decree that set it,
// one table per category, and the signature of whoever set it.

const COLUMNS: TableColumn[] = [
  { header: 'No.', width: 3, align: 'center' },
  { header: 'Nama Dokumen', width: 14 },
  { header: 'Ringkasan Isi Dokumen', width: 20 },
  { header: 'Unit Kerja yang Menguasai', width: 12 },
  { header: 'Penanggung Jawab Penerbitan', width: 11 },
  { header: 'Waktu dan Tempat Penerbitan', width: 11 },
  { header: 'Bentuk Informasi', width: 9 },
  { header: 'Retensi Arsip', width: 7 },
];

/** Draws the title, decree line and tables on the current page (also the decree's annex). */
export function drawDipTables(pdf: Pdf, doc: DipDocument): void {
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  for (const line of dipTitleLines(doc))
    pdf.font('bold').fontSize(12).text(line, pdf.page.margins.left, pdf.y, { width, align: 'center' });
  pdf.moveDown(0.3);
  pdf
    .font(doc.decree ? 'regular' : 'italic')
    .fontSize(9)
    .text(decreeLine(doc), { width, align: 'center' });
  pdf.moveDown(0.8);
  DIP_CATEGORIES.forEach((category, i) => {
    const entries = doc.entries.filter((e) => e.category === category);
    if (pdf.y + 60 > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    pdf
      .font('bold')
      .fontSize(10)
      .text(`${String.fromCharCode(65 + i)}. ${CATEGORY_HEADINGS[category]}`, pdf.page.margins.left, pdf.y, {
        width,
      });
    pdf.moveDown(0.3);
    if (entries.length === 0) {
      pdf.font('italic').fontSize(9).text('Tidak ada informasi dalam kategori ini.', { width });
    } else {
      drawTable(
        pdf,
        COLUMNS,
        entries.map((e) => [
          String(e.no),
          e.isElection ? `${e.documentTitle} [DIP Pemilu]` : e.documentTitle,
          ...modelADescriptionCells(e),
        ]),
        { fontSize: 7.5 },
      );
    }
    pdf.moveDown(0.8);
  });
}

export async function renderDipPdf(doc: DipDocument): Promise<Buffer> {
  const pdf = createPdf({
    title: `Daftar Informasi Publik ${doc.office.name} Tahun ${doc.year}`,
    landscape: true,
    size: 'F4',
  });
  drawLetterhead(pdf, doc.letterhead);
  drawDipTables(pdf, doc);
  if (doc.decree) {
    drawSignature(pdf, {
      placeAndDate: `${doc.city}, ${formatDate(doc.decree.date, 'id')}`,
      title: `${doc.decree.signerTitle},`,
      name: doc.decree.signerName,
    });
  }
  numberPages(
    pdf,
    (p, n) => `Daftar Informasi Publik ${doc.office.name} Tahun ${doc.year} — Halaman ${p} dari ${n}`,
  );
  return pdfToBuffer(pdf);
}
