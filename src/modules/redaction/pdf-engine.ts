import type * as Mupdf from 'mupdf';
import { AppError } from '../../platform/errors.ts';

// The PDF engine of the release step: MuPDF (the `mupdf` npm package, WASM). It renders pages
// for marking, finds text, and applies redactions to the content streams — the text, image
// pixels and vector paths under a redaction area are removed, not covered — and strips every
// kind of hidden data from a released PDF (docs/decisions/0050-redaction-with-mupdf.md).
//
// MuPDF's WASM (~40 MB) is instantiated on the first PDF handled, not at start-up (ADR 0111):
// every exported operation is async and awaits `loadMupdf()`; the helpers below it run only
// after that and use the loaded module.
let mupdf: typeof Mupdf;
let loading: Promise<typeof Mupdf> | undefined;

/** The `mupdf` module, imported (and its WASM instantiated) on first use. */
export function loadMupdf(): Promise<typeof Mupdf> {
  loading ??= import('mupdf').then((m) => (mupdf = m));
  return loading;
}

/** An area on a page in PDF points, origin top-left (MuPDF's page space). */
export interface PageArea {
  /** 0-based page index. */
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface RenderedPage {
  page: number;
  png: Buffer;
  widthPt: number;
  heightPt: number;
  widthPx: number;
  heightPx: number;
}

/** What a PDF held that a release must not carry, found before it was stripped. */
export interface PdfHiddenData {
  info: string[];
  xmp: boolean;
  embeddedFiles: number;
  javaScript: boolean;
  annotations: number;
  formFields: boolean;
}

function openPdf(bytes: Uint8Array): Mupdf.PDFDocument {
  let doc: Mupdf.Document;
  try {
    doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  } catch {
    throw new AppError('VALIDATION', 'redaction.error.unreadable');
  }
  const pdf = doc.asPDF();
  if (!pdf) throw new AppError('VALIDATION', 'redaction.error.unreadable');
  if (pdf.needsPassword()) throw new AppError('VALIDATION', 'redaction.error.encrypted');
  return pdf;
}

export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  await loadMupdf();
  const doc = openPdf(bytes);
  try {
    return doc.countPages();
  } finally {
    doc.destroy();
  }
}

/** Renders pages [from, to) as PNG at `dpi`, calling `onPage` after each (for progress). */
export async function renderPdfPages(
  bytes: Uint8Array,
  opts: { dpi: number; from?: number; to?: number },
  onPage: (page: RenderedPage) => Promise<void> | void,
): Promise<number> {
  await loadMupdf();
  const doc = openPdf(bytes);
  try {
    const count = doc.countPages();
    const to = Math.min(opts.to ?? count, count);
    for (let i = opts.from ?? 0; i < to; i++) await onPage(renderLoaded(doc, i, opts.dpi));
    return count;
  } finally {
    doc.destroy();
  }
}

function renderLoaded(doc: Mupdf.PDFDocument, index: number, dpi: number): RenderedPage {
  const page = doc.loadPage(index);
  const [bx0, by0, bx1, by1] = page.getBounds();
  const scale = dpi / 72;
  const pix = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
  const png = Buffer.from(pix.asPNG());
  const out = {
    page: index,
    png,
    widthPt: bx1 - bx0,
    heightPt: by1 - by0,
    widthPx: pix.getWidth(),
    heightPx: pix.getHeight(),
  };
  pix.destroy();
  page.destroy();
  return out;
}

/** The plain text of each page (for detection). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  await loadMupdf();
  const doc = openPdf(bytes);
  try {
    const out: string[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      const st = page.toStructuredText('preserve-whitespace');
      out.push(st.asText());
      st.destroy();
      page.destroy();
    }
    return out;
  } finally {
    doc.destroy();
  }
}

/** Where `needle` occurs (case-insensitive), as one area per hit; `pages` limits the search. */
export async function findTextAreas(
  bytes: Uint8Array,
  needle: string,
  pages?: readonly number[],
): Promise<PageArea[]> {
  const text = needle.trim();
  if (!text) return [];
  await loadMupdf();
  const doc = openPdf(bytes);
  try {
    const areas: PageArea[] = [];
    const count = doc.countPages();
    for (const i of pages ?? Array.from({ length: count }, (_, k) => k)) {
      if (i < 0 || i >= count) continue;
      const page = doc.loadPage(i);
      for (const hit of page.search(text, {})) {
        // A hit broken over lines has one quad per line: one area per quad.
        for (const q of hit) areas.push(quadArea(i, q));
      }
      page.destroy();
    }
    return areas;
  } finally {
    doc.destroy();
  }
}

function quadArea(page: number, q: Mupdf.Quad): PageArea {
  const xs = [q[0], q[2], q[4], q[6]];
  const ys = [q[1], q[3], q[5], q[7]];
  // A point of margin so glyph edges that overhang the quad are caught too.
  return {
    page,
    x0: Math.min(...xs) - 1,
    y0: Math.min(...ys) - 1,
    x1: Math.max(...xs) + 1,
    y1: Math.max(...ys) + 1,
  };
}

/** Lists what hidden data a PDF carries (for the report shown before release). */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfHiddenData> {
  await loadMupdf();
  const doc = openPdf(bytes);
  try {
    const trailer = doc.getTrailer();
    const info = trailer.get('Info');
    const infoKeys: string[] = [];
    if (info.isDictionary()) info.forEach((v, k) => infoKeys.push(String(k)));
    const root = trailer.get('Root');
    const names = root.get('Names');
    let annotations = 0;
    for (let i = 0; i < doc.countPages(); i++) {
      const annots = doc.findPage(i).get('Annots');
      if (annots.isArray()) annotations += annots.length;
    }
    return {
      info: infoKeys,
      xmp: !root.get('Metadata').isNull(),
      embeddedFiles: Object.keys(doc.getEmbeddedFiles()).length,
      javaScript:
        !names.get('JavaScript').isNull() || !root.get('OpenAction').isNull() || !root.get('AA').isNull(),
      annotations,
      formFields: !root.get('AcroForm').isNull(),
    };
  } finally {
    doc.destroy();
  }
}

export interface ApplyResult {
  bytes: Buffer;
  pages: number;
}

/**
 * Applies `areas` as redactions and strips hidden data; the result is a new PDF. Form fields
 * are first flattened into the page (what they show is content the PPID can mark), then the
 * redactions remove text, image pixels and covered vector paths under each area and draw a
 * black box; every remaining annotation, the Info dictionary, XMP, embedded files, JavaScript,
 * actions and the form are removed, and the file is rewritten without unused objects.
 */
export async function applyPdfRedactions(
  bytes: Uint8Array,
  areas: readonly PageArea[],
  onPage?: (page: number) => void,
): Promise<ApplyResult> {
  await loadMupdf();
  return applyLoaded(bytes, areas, onPage);
}

function applyLoaded(
  bytes: Uint8Array,
  areas: readonly PageArea[],
  onPage?: (page: number) => void,
): ApplyResult {
  const doc = openPdf(bytes);
  try {
    const count = doc.countPages();
    doc.bake(false, true);
    for (let i = 0; i < count; i++) {
      const page = doc.loadPage(i);
      for (const annot of page.getAnnotations()) page.deleteAnnotation(annot);
      const mine = areas.filter((a) => a.page === i);
      for (const a of mine) {
        const annot = page.createAnnotation('Redact');
        annot.setRect([
          Math.min(a.x0, a.x1),
          Math.min(a.y0, a.y1),
          Math.max(a.x0, a.x1),
          Math.max(a.y0, a.y1),
        ]);
      }
      if (mine.length > 0) {
        page.applyRedactions(
          true,
          mupdf.PDFPage.REDACT_IMAGE_PIXELS,
          mupdf.PDFPage.REDACT_LINE_ART_REMOVE_IF_COVERED,
          mupdf.PDFPage.REDACT_TEXT_REMOVE,
        );
      }
      const pageObj = page.getObject();
      for (const key of ['Annots', 'AA', 'Metadata', 'PieceInfo']) pageObj.delete(key);
      page.destroy();
      onPage?.(i);
    }
    stripDocument(doc);
    const out = doc.saveToBuffer('garbage=4,compress=yes,clean=yes,sanitize=yes');
    const result = Buffer.from(out.asUint8Array());
    out.destroy();
    return { bytes: result, pages: count };
  } finally {
    doc.destroy();
  }
}

/** Every released PDF passes here: no areas, only the stripping. */
export async function stripPdf(bytes: Uint8Array): Promise<Buffer> {
  return (await applyPdfRedactions(bytes, [])).bytes;
}

function stripDocument(doc: Mupdf.PDFDocument): void {
  const trailer = doc.getTrailer();
  trailer.delete('Info');
  const root = trailer.get('Root');
  for (const key of [
    'Metadata',
    'AcroForm',
    'OpenAction',
    'AA',
    'PieceInfo',
    'Outlines',
    'Threads',
    'SpiderInfo',
    'URI',
  ])
    root.delete(key);
  const names = root.get('Names');
  if (names.isDictionary()) {
    for (const key of ['JavaScript', 'EmbeddedFiles']) names.delete(key);
  }
  for (const name of Object.keys(doc.getEmbeddedFiles())) doc.deleteEmbeddedFile(name);
}

/** Renders one page of the document as it would be released with `areas` applied (the preview). */
export async function previewPage(
  bytes: Uint8Array,
  areas: readonly PageArea[],
  pageIndex: number,
  dpi: number,
): Promise<RenderedPage> {
  await loadMupdf();
  const applied = applyLoaded(
    bytes,
    areas.filter((a) => a.page === pageIndex),
  );
  const doc = openPdf(applied.bytes);
  try {
    if (pageIndex < 0 || pageIndex >= doc.countPages()) throw AppError.notFound();
    return renderLoaded(doc, pageIndex, dpi);
  } finally {
    doc.destroy();
  }
}
