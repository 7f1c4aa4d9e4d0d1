import { formatDate } from '../../../platform/i18n.ts';
import { createPdf, drawLetterhead, type Pdf } from '../../../platform/pdf/pdf.ts';
import type { IssuedBy } from '../schema.ts';

// The parts every request letter shares: kop surat, centred title, label–value rows, checkbox
// lines and two signature blocks side by side.

export const CHECKED = '☑';
export const UNCHECKED = '☐';

export function startLetter(
  issuedBy: IssuedBy,
  logoPng: Buffer | null,
  title: string,
  subtitle?: string,
): Pdf {
  const doc = createPdf({
    title: `${title} — ${issuedBy.officeName}`,
    author: `PPID ${issuedBy.officeName}`,
  });
  drawLetterhead(doc, {
    titleLines: issuedBy.letterheadLines,
    address: issuedBy.address,
    contactLine: issuedBy.contactLine,
    logoPng,
  });
  doc.font('bold').fontSize(12).text(title, { align: 'center' });
  if (subtitle) doc.font('regular').fontSize(9.5).text(subtitle, { align: 'center' });
  doc.moveDown(1);
  doc.font('regular').fontSize(10);
  return doc;
}

function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function ensureRoom(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Rows of "Label : value", the value wrapping in its own column. */
export function labelledRows(
  doc: Pdf,
  rows: [string, string][],
  opts: { labelWidth?: number; indent?: number } = {},
): void {
  const left = doc.page.margins.left + (opts.indent ?? 0);
  const labelWidth = opts.labelWidth ?? 150;
  const valueX = left + labelWidth + 12;
  const valueWidth = contentWidth(doc) - labelWidth - 12 - (opts.indent ?? 0);
  doc.font('regular').fontSize(10);
  for (const [label, value] of rows) {
    const text = value.trim() === '' ? '-' : value;
    const height = Math.max(
      doc.heightOfString(label, { width: labelWidth }),
      doc.heightOfString(text, { width: valueWidth }),
    );
    ensureRoom(doc, height + 4);
    const y = doc.y;
    doc.text(label, left, y, { width: labelWidth });
    doc.text(':', left + labelWidth + 2, y, { width: 8 });
    doc.text(text, valueX, y, { width: valueWidth });
    doc.y = y + height + 3;
  }
  doc.x = doc.page.margins.left;
}

export function paragraph(
  doc: Pdf,
  text: string,
  opts: { bold?: boolean; indent?: number; align?: 'left' | 'justify' | 'center' } = {},
): void {
  const indent = opts.indent ?? 0;
  doc.font(opts.bold ? 'bold' : 'regular').fontSize(10);
  ensureRoom(doc, doc.heightOfString(text, { width: contentWidth(doc) - indent }) + 4);
  doc.text(text, doc.page.margins.left + indent, doc.y, {
    width: contentWidth(doc) - indent,
    align: opts.align ?? 'justify',
  });
  doc.moveDown(0.4);
  doc.font('regular');
  doc.x = doc.page.margins.left;
}

/** "☑ text" or "☐ text", as the forms of Kep. KPU 156/2015 print their choices. */
export function checkLine(doc: Pdf, checked: boolean, text: string, indent = 12): void {
  paragraph(doc, `${checked ? CHECKED : UNCHECKED}  ${text}`, { indent, align: 'left' });
}

export function placeAndDate(issuedBy: IssuedBy, at: Date | string): string {
  return `${issuedBy.city}, ${formatDate(at, 'id', issuedBy.timeZone)}`;
}

export interface SignatureBlock {
  title: string;
  name: string;
  idLine?: string | null;
}

/** Two signature blocks on one line (who hands over, who receives; requester and officer). */
export function twoSignatures(
  doc: Pdf,
  placeDate: string,
  left: SignatureBlock,
  right: SignatureBlock,
): void {
  ensureRoom(doc, 130);
  doc.moveDown(1.5);
  const width = 220;
  const lx = doc.page.margins.left;
  const rx = doc.page.width - doc.page.margins.right - width;
  doc.font('regular').fontSize(10).text(placeDate, rx, doc.y, { width, align: 'center' });
  const top = doc.y;
  doc.text(left.title, lx, top, { width, align: 'center' });
  doc.text(right.title, rx, top, { width, align: 'center' });
  const nameY = top + 70;
  doc.font('bold').text(left.name, lx, nameY, { width, align: 'center', underline: true });
  doc.font('bold').text(right.name, rx, nameY, { width, align: 'center', underline: true });
  doc.font('regular');
  const idY = Math.max(doc.y, nameY + 14);
  if (left.idLine) doc.text(left.idLine, lx, idY, { width, align: 'center' });
  if (right.idLine) doc.text(right.idLine, rx, idY, { width, align: 'center' });
  doc.x = doc.page.margins.left;
  doc.y = idY + 16;
}

export function footnote(doc: Pdf, text: string): void {
  doc.moveDown(1);
  ensureRoom(doc, 30);
  doc
    .font('italic')
    .fontSize(8)
    .fillColor('#444444')
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.fillColor('#000000').font('regular').fontSize(10);
}
