import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import type { FontkitFont } from 'fontkit';
import type PDFDocument from 'pdfkit';

// Official documents (receipts, notices, decisions, registers, reports) are drawn with
// pdfkit and an embedded DejaVu font, which covers Indonesian text and the rupiah sign.
const require = createRequire(import.meta.url);

// pdfkit and fontkit (~30 MB and about a second to load) are required on the first document
// drawn, not at start-up (ADR 0111). Their CommonJS builds are the ones `require` resolves;
// pdfkit's requires fontkit's, so the fonts parsed here are the same fontkit's objects.
let pdfKitClass: typeof PDFDocument | undefined;
/** pdfkit's document class, loaded on first use. */
export function pdfKit(): typeof PDFDocument {
  pdfKitClass ??= require('pdfkit') as typeof PDFDocument;
  return pdfKitClass;
}
function createFont(bytes: Uint8Array): FontkitFont {
  return (require('fontkit') as typeof Fontkit).create(bytes);
}
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONTS = {
  regular: path.join(fontDir, 'DejaVuSans.ttf'),
  bold: path.join(fontDir, 'DejaVuSans-Bold.ttf'),
  italic: path.join(fontDir, 'DejaVuSans-Oblique.ttf'),
  serif: path.join(fontDir, 'DejaVuSerif.ttf'),
  serifBold: path.join(fontDir, 'DejaVuSerif-Bold.ttf'),
} as const;

export type Pdf = PDFKit.PDFDocument;

// Parsing a DejaVu TTF costs 20-30 ms; doing it for every letter made a receipt take ~80 ms.
// The parsed fonts are shared by all documents (pdfkit accepts a fontkit font; each document
// still embeds its own subset).
let fontCache: Record<keyof typeof FONTS, FontkitFont> | undefined;
function parsedFonts(): Record<keyof typeof FONTS, FontkitFont> {
  fontCache ??= Object.fromEntries(
    Object.entries(FONTS).map(([name, file]) => [name, createFont(readFileSync(file))]),
  ) as Record<keyof typeof FONTS, FontkitFont>;
  return fontCache;
}

export interface PdfOptions {
  title: string;
  subject?: string;
  author?: string;
  landscape?: boolean;
  /**
   * A4 by default; F4 (folio, 215 × 330 mm) is common in Indonesian offices; A3 (297 × 420 mm)
   * is the poster size of a notice board, with margins enlarged in proportion (× √2).
   */
  size?: 'A4' | 'F4' | 'A3';
}

const F4: [number, number] = [609.45, 935.43];
/** How much larger than A4 a page of this size is drawn (fonts, margins): √2 for A3. */
export function pageScale(size: PdfOptions['size']): number {
  return size === 'A3' ? Math.SQRT2 : 1;
}

function scaledMargins(scale: number) {
  const [v, h] = [Math.round(50 * scale), Math.round(56 * scale)];
  return { top: v, bottom: v, left: h, right: h };
}

export function createPdf(opts: PdfOptions): Pdf {
  const doc = new (pdfKit())({
    size: opts.size === 'F4' ? F4 : (opts.size ?? 'A4'),
    layout: opts.landscape ? 'landscape' : 'portrait',
    margins: scaledMargins(pageScale(opts.size)),
    info: {
      Title: opts.title,
      Subject: opts.subject ?? opts.title,
      Author: opts.author ?? 'Terbuka',
      Creator: 'Terbuka',
    },
    bufferPages: true,
    lang: 'id-ID',
    displayTitle: true,
    pdfVersion: '1.7',
  });
  for (const [name, font] of Object.entries(parsedFonts())) doc.registerFont(name, font as unknown as Buffer);
  withCjkFallback(doc);
  doc.font('regular').fontSize(10);
  return doc;
}

// DejaVu has no Chinese, Japanese or Korean characters: pdfkit silently drew nothing for them,
// so a requester's name typed in Chinese vanished from the receipt (issue 13 item 12). A text
// that holds such characters is drawn (and measured) in Noto Sans CJK SC from the
// @embedpdf/fonts-sc package, which also covers Latin, so the whole string keeps one font and
// one baseline. The 8 MB font is parsed on the first document that needs it, not at start-up.
const cjkDir = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
const CJK_FONTS = {
  cjk: path.join(cjkDir, 'NotoSansHans-Regular.otf'),
  cjkBold: path.join(cjkDir, 'NotoSansHans-Bold.otf'),
} as const;
const CJK_TEXT =
  /[\u2E80-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7FF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;
const cjkCache: Partial<Record<keyof typeof CJK_FONTS, FontkitFont>> = {};

/** True when `text` has characters the embedded DejaVu fonts cannot draw and the CJK font can. */
export function needsCjkFont(text: string): boolean {
  return CJK_TEXT.test(text);
}

function withCjkFallback(doc: Pdf): void {
  const setFont = (doc.font as (...a: unknown[]) => Pdf).bind(doc);
  let current = 'regular';
  const registered = new Set<string>();
  doc.font = (src: unknown, ...rest: unknown[]) => {
    if (typeof src === 'string') current = src;
    return setFont(src, ...rest);
  };
  const wrap = <K extends 'text' | 'widthOfString' | 'heightOfString'>(method: K) => {
    const original = (doc[method] as (...a: unknown[]) => unknown).bind(doc);
    (doc as unknown as Record<string, unknown>)[method] = (text: unknown, ...rest: unknown[]) => {
      if (typeof text !== 'string' || current.startsWith('cjk') || !needsCjkFont(text))
        return original(text, ...rest);
      const was = current;
      const name: keyof typeof CJK_FONTS = /bold/i.test(was) ? 'cjkBold' : 'cjk';
      if (!registered.has(name)) {
        // Each weight is parsed on first need (about a second for 8 MB), then shared.
        cjkCache[name] ??= createFont(readFileSync(CJK_FONTS[name]));
        doc.registerFont(name, cjkCache[name] as unknown as Buffer);
        registered.add(name);
      }
      doc.font(name);
      try {
        return original(text, ...rest);
      } finally {
        doc.font(was);
      }
    };
  };
  wrap('text');
  wrap('widthOfString');
  wrap('heightOfString');
}

/** The words a draft carries on every page (tests strip them to compare a draft with its letter). */
export const DRAFT_MARK = {
  word: 'DRAF',
  line: 'DRAF — pratinjau, belum diterbitkan; bukan surat resmi',
} as const;

const draftScope = new AsyncLocalStorage<true>();

/**
 * Runs `draw` so that every PDF it ends carries the draft mark on every page: "DRAF" large and
 * pale across the page, and a line at the head of the page saying it is not yet issued. The
 * letters are drawn by their own renderers unchanged (a preview is the letter it will become,
 * ADR 0070/0115); the mark is laid over the finished pages when the document ends.
 */
export function drawnAsDraft<T>(draw: () => Promise<T>): Promise<T> {
  return draftScope.run(true, draw);
}

function markDraft(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    const scale = width / 595.28;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.save();
    // Across the middle of the page, pale enough to read the letter through it.
    doc.rotate(-38, { origin: [width / 2, height / 2] });
    doc
      .font('bold')
      .fontSize(150 * scale)
      .fillColor('#c62828')
      .fillOpacity(0.14);
    const w = doc.widthOfString(DRAFT_MARK.word);
    const h = doc.currentLineHeight();
    doc.text(DRAFT_MARK.word, width / 2 - w / 2, height / 2 - h / 2, { lineBreak: false });
    doc.restore();
    // Above the letterhead, in the top margin.
    doc.save();
    doc
      .font('bold')
      .fontSize(8 * scale)
      .fillColor('#c62828')
      .fillOpacity(1)
      .text(DRAFT_MARK.line, doc.page.margins.left, 18 * scale, {
        width: width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.restore();
    doc.fillColor('#000000').fillOpacity(1).font('regular');
    doc.page.margins.bottom = bottom;
  }
}

/** Ends the document and collects its bytes (marked as a draft inside `drawnAsDraft`). */
export function pdfToBuffer(doc: Pdf): Promise<Buffer> {
  if (draftScope.getStore()) markDraft(doc);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface Letterhead {
  /** Lines in capitals at the top, e.g. ["KOMISI PEMILIHAN UMUM", "KABUPATEN BANDUNG"]. */
  titleLines: string[];
  address?: string | null;
  contactLine?: string | null;
  logoPng?: Buffer | null;
}

/**
 * The kop surat: logo, office name, address and contacts, and a double rule under them.
 * `scale` enlarges it for a poster page (see `pageScale`).
 */
export function drawLetterhead(doc: Pdf, head: Letterhead, scale = 1): void {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const top = doc.page.margins.top - 10 * scale;
  const logoSize = 58 * scale;
  if (head.logoPng) {
    try {
      doc.image(head.logoPng, left, top, { fit: [logoSize, logoSize] });
    } catch {
      /* an unreadable logo must not stop an official letter */
    }
  }
  const textLeft = left + logoSize + 8 * scale;
  const textWidth = right - textLeft - logoSize - 8 * scale;
  doc.y = top;
  head.titleLines.forEach((line, i) => {
    doc
      .font('serifBold')
      .fontSize((i === 0 ? 14 : 13) * scale)
      .text(line.toUpperCase(), textLeft, doc.y, { width: textWidth, align: 'center' });
  });
  doc.font('serif').fontSize(8.5 * scale);
  if (head.address)
    doc.text(head.address, textLeft, doc.y + 2 * scale, { width: textWidth, align: 'center' });
  if (head.contactLine) doc.text(head.contactLine, textLeft, doc.y, { width: textWidth, align: 'center' });
  const ruleY = Math.max(doc.y + 6 * scale, top + logoSize + 4 * scale);
  doc
    .moveTo(left, ruleY)
    .lineTo(right, ruleY)
    .lineWidth(2 * scale)
    .stroke();
  doc
    .moveTo(left, ruleY + 3 * scale)
    .lineTo(right, ruleY + 3 * scale)
    .lineWidth(0.6 * scale)
    .stroke();
  doc.lineWidth(1);
  doc.x = left;
  doc.y = ruleY + 14 * scale;
  doc.font('regular').fontSize(10);
}

export interface TableColumn {
  header: string;
  /** Relative width; columns share the page width in proportion. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/**
 * A bordered table that wraps cell text and continues on new pages, repeating its header.
 * Used for registers and report tables.
 */
export function drawTable(
  doc: Pdf,
  columns: TableColumn[],
  rows: string[][],
  opts: { fontSize?: number; headerFill?: string } = {},
): void {
  const fontSize = opts.fontSize ?? 8;
  const left = doc.page.margins.left;
  const totalWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const unit = totalWidth / columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => c.width * unit);
  const pad = 3;
  const bottomLimit = () => doc.page.height - doc.page.margins.bottom;

  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return (
      Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * pad }))) +
      2 * pad
    );
  };

  const drawRow = (cells: string[], font: string, fill?: string) => {
    const h = rowHeight(cells, font);
    let x = left;
    const y = doc.y;
    cells.forEach((cell, i) => {
      const w = widths[i]!;
      if (fill) doc.rect(x, y, w, h).fillAndStroke(fill, '#000000');
      else doc.rect(x, y, w, h).stroke();
      doc
        .fillColor('#000000')
        .font(font)
        .fontSize(fontSize)
        .text(cell, x + pad, y + pad, { width: w - 2 * pad, align: columns[i]!.align ?? 'left' });
      x += w;
    });
    doc.x = left;
    doc.y = y + h;
  };

  const header = columns.map((c) => c.header);
  doc.lineWidth(0.5);
  // The header and the first row start on the same page: a header alone at the foot of a page
  // would otherwise be cut by pdfkit's own page break (its cell text flowing onto new pages).
  const first = rows[0] ? rowHeight(rows[0], 'regular') : 0;
  if (doc.y + rowHeight(header, 'bold') + first > bottomLimit()) doc.addPage();
  drawRow(header, 'bold', opts.headerFill ?? '#e6e6e6');
  for (const row of rows) {
    if (doc.y + rowHeight(row, 'regular') > bottomLimit()) {
      doc.addPage();
      drawRow(header, 'bold', opts.headerFill ?? '#e6e6e6');
    }
    drawRow(row, 'regular');
  }
  doc.lineWidth(1);
  doc.font('regular').fontSize(10);
}

export interface Signature {
  placeAndDate: string;
  title: string;
  name: string;
  idLine?: string | null;
}

/**
 * Signature block on the right: "Bandung, 21 November 2026", title, space, name, NIP.
 * `scale` enlarges it for a poster page (see `pageScale`).
 */
export function drawSignature(doc: Pdf, sig: Signature, scale = 1): void {
  const width = 220 * scale;
  const x = doc.page.width - doc.page.margins.right - width;
  if (doc.y + 110 * scale > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(1.5);
  doc.font('regular').fontSize(10 * scale);
  doc.text(sig.placeAndDate, x, doc.y, { width, align: 'center' });
  doc.text(sig.title, x, doc.y, { width, align: 'center' });
  doc.moveDown(3.5);
  doc.font('bold').text(sig.name, x, doc.y, { width, align: 'center', underline: true });
  if (sig.idLine) doc.font('regular').text(sig.idLine, x, doc.y, { width, align: 'center' });
  doc.x = doc.page.margins.left;
  doc.font('regular');
}

/** "Halaman 1 dari 3" at the foot of every page (needs bufferPages, which createPdf sets). */
export function numberPages(doc: Pdf, label: (page: number, total: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor('#555555')
      .text(label(i + 1, range.count), doc.page.margins.left, doc.page.height - 30, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
      });
    doc.fillColor('#000000');
    doc.page.margins.bottom = bottom;
  }
}
