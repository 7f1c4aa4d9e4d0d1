import { createRequire } from 'node:module';
import type SVGtoPDF from 'svg-to-pdfkit';
import { chartSvg, type ReportChart } from './chart-set.ts';

// Charts in the PDFs: the same ECharts SVG as on the pages, drawn as vectors by svg-to-pdfkit
// with the document's embedded DejaVu fonts, and the table of its figures beside it.

// svg-to-pdfkit (CommonJS) is required on the first chart drawn into a PDF (ADR 0111).
const require = createRequire(import.meta.url);

const CHART_W = 300;
const CHART_H = 170;

/** Draws each chart with its table at the current position, adding pages as needed. */
export function drawCharts(doc: PDFKit.PDFDocument, charts: ReportChart[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const chart of charts) {
    const needed = 18 + Math.max(CHART_H, 12 + chart.rows.length * 11);
    if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.font('bold').fontSize(9).text(chart.caption, left, doc.y, { width });
    const top = doc.y + 4;
    // The root's own width and height would win over the viewport: set them to the box, the viewBox scales.
    const svg = chartSvg(chart, { width: 560, height: 317 }).replace(
      /^<svg width="\d+" height="\d+"/,
      `<svg width="${CHART_W}" height="${CHART_H}"`,
    );
    (require('svg-to-pdfkit') as typeof SVGtoPDF)(doc, svg, left, top, {
      width: CHART_W,
      height: CHART_H,
      assumePt: true,
      fontCallback: (_family, bold) => (bold ? 'bold' : 'regular'),
    });
    const tx = left + CHART_W + 14;
    const tw = width - CHART_W - 14;
    let y = top + 4;
    doc.font('bold').fontSize(7.5);
    doc.text(chart.headers[0], tx, y, { width: tw * 0.68 });
    doc.text(chart.headers[1], tx + tw * 0.68, y, { width: tw * 0.32, align: 'right' });
    y += 12;
    doc.font('regular').fontSize(7.5);
    for (const [label, value] of chart.rows) {
      const h = Math.max(doc.heightOfString(label, { width: tw * 0.68 }), 9) + 2;
      doc.text(label, tx, y, { width: tw * 0.68 });
      doc.text(value, tx + tw * 0.68, y, { width: tw * 0.32, align: 'right' });
      y += h;
    }
    doc.x = left;
    doc.y = Math.max(top + CHART_H, y) + 12;
  }
  doc.font('regular').fontSize(10);
}
