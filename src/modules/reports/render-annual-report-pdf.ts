import {
  createPdf,
  drawLetterhead,
  drawSignature,
  drawTable,
  numberPages,
  pdfToBuffer,
  type Letterhead,
  type Pdf,
} from '../../platform/pdf/pdf.ts';
import type { Section } from './annual-report-document.ts';
import { drawCharts } from './pdf-charts.ts';

// The annual report as a PDF: letterhead, title, the six parts with their tables and charts
// (ECharts SVG as vectors, ADR 0036), and the Atasan PPID's approval on a signature page.

export interface AnnualReportPdfInput {
  letterhead: Letterhead;
  title: string;
  subtitle: string;
  sections: Section[];
  signature: { placeAndDate: string; title: string; name: string; note: string };
  footer: (page: number, total: number) => string;
}

function sectionHeading(pdf: Pdf, text: string): void {
  if (pdf.y + 60 > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
  pdf.moveDown(0.6);
  pdf.font('bold').fontSize(11).text(text, pdf.page.margins.left, pdf.y);
  pdf.moveDown(0.3);
  pdf.font('regular').fontSize(10);
}

export async function renderAnnualReportPdf(input: AnnualReportPdfInput): Promise<Buffer> {
  const pdf = createPdf({ title: input.title, subject: input.subtitle, size: 'A4' });
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  drawLetterhead(pdf, input.letterhead);
  pdf.font('bold').fontSize(13).text(input.title, pdf.page.margins.left, pdf.y, { width, align: 'center' });
  pdf.font('regular').fontSize(10).text(input.subtitle, { width, align: 'center' });
  for (const section of input.sections) {
    sectionHeading(pdf, section.heading);
    for (const block of section.blocks) {
      if (block.kind === 'text') {
        pdf
          .font('regular')
          .fontSize(10)
          .text(block.text, pdf.page.margins.left, pdf.y, { width, align: 'justify' });
        pdf.moveDown(0.4);
      } else if (block.kind === 'table') {
        pdf.font('bold').fontSize(9).text(block.caption, pdf.page.margins.left, pdf.y, { width });
        pdf.moveDown(0.2);
        drawTable(
          pdf,
          block.headers.map((h, i) => ({
            header: h,
            width: i === 0 ? 6 : 2,
            align: i === 0 || block.headers.length > 2 ? ('left' as const) : ('right' as const),
          })),
          block.rows,
          { fontSize: 8.5 },
        );
        pdf.moveDown(0.5);
      } else if (block.charts.length > 0) {
        pdf.moveDown(0.3);
        drawCharts(pdf, block.charts);
      }
    }
  }
  pdf.addPage();
  pdf
    .font('bold')
    .fontSize(11)
    .text(input.signature.note, pdf.page.margins.left, pdf.y, { width, align: 'center' });
  drawSignature(pdf, {
    placeAndDate: input.signature.placeAndDate,
    title: input.signature.title,
    name: input.signature.name,
  });
  numberPages(pdf, input.footer);
  return pdfToBuffer(pdf);
}
