import type * as Docx from 'docx';
import type { Section } from './annual-report-document.ts';

// The annual report as an editable Word document with the `docx` library (ADR 0062): the same
// sections, tables and figures as the page and the PDF; charts appear as their tables (Word
// cannot show SVG without a PNG fallback, and the tables carry the same figures). The library
// is imported on the first document written, not at start-up (ADR 0111).

export interface AnnualReportDocxInput {
  letterheadLines: string[];
  letterheadContact: string | null;
  logoPng: Buffer | null;
  title: string;
  subtitle: string;
  sections: Section[];
  signature: { placeAndDate: string; title: string; name: string; note: string };
}

function table(docx: typeof Docx, headers: string[], rows: string[][]): Docx.Table {
  const { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, bold: boolean, right: boolean) =>
    new TableCell({
      borders,
      children: [
        new Paragraph({
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold, size: 18 })],
        }),
      ],
    });
  const numeric = headers.length === 2;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, true, numeric && i > 0)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, numeric && i > 0)) })),
    ],
  });
}

export async function renderAnnualReportDocx(input: AnnualReportDocxInput): Promise<Buffer> {
  const docx = await import('docx');
  const { AlignmentType, BorderStyle, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } = docx;
  const children: (Docx.Paragraph | Docx.Table)[] = [];
  if (input.logoPng)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({ type: 'png', data: input.logoPng, transformation: { width: 60, height: 60 } }),
        ],
      }),
    );
  for (const line of input.letterheadLines)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: line, bold: true, size: 28 })],
      }),
    );
  if (input.letterheadContact)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: input.letterheadContact, size: 18 })],
      }),
    );
  children.push(
    new Paragraph({
      border: { bottom: { style: BorderStyle.DOUBLE, size: 6, color: '000000', space: 1 } },
      children: [],
    }),
  );
  children.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: input.title, bold: true })],
    }),
  );
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(input.subtitle)] }));
  for (const section of input.sections) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
    );
    for (const block of section.blocks) {
      if (block.kind === 'text') {
        for (const para of block.text.split(/\n+/))
          children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(para)] }));
      } else if (block.kind === 'table') {
        children.push(new Paragraph({ children: [new TextRun({ text: block.caption, bold: true })] }));
        children.push(table(docx, block.headers, block.rows));
        children.push(new Paragraph({ children: [] }));
      } else {
        for (const chart of block.charts) {
          children.push(new Paragraph({ children: [new TextRun({ text: chart.caption, bold: true })] }));
          children.push(table(docx, chart.headers, chart.rows));
          children.push(new Paragraph({ children: [] }));
        }
      }
    }
  }
  children.push(
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: input.signature.note, bold: true })],
    }),
  );
  for (const line of [input.signature.placeAndDate, input.signature.title, '', '', ''])
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(line)] }));
  children.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: input.signature.name, bold: true, underline: {} })],
    }),
  );
  const doc = new Document({
    creator: 'Terbuka',
    title: input.title,
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
