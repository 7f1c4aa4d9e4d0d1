import path from 'node:path/posix';
import type { Document, Element } from '@xmldom/xmldom';
import { AppError } from '../../platform/errors.ts';
import {
  all,
  childElements,
  parseXml,
  readParts,
  remove,
  serializeXml,
  unwrap,
  writeParts,
  type Parts,
} from './office-zip.ts';

// Hidden data in word-processing, presentation and ODF spreadsheet files about to leave the
// office (issue 14; docs/decisions/0067-office-files-scrubbed-in-their-xml.md). Unlike XLSX
// (rewritten from ExcelJS's model, ADR 0051) these are scrubbed in their own XML: parts that
// only hold hidden data are dropped (comments, notes, properties, macros, embedded objects,
// thumbnails, custom XML); the content parts lose tracked deletions (insertions are
// accepted), comment anchors, hidden text, hidden slides and sheets, hidden rows' and
// columns' cells, formulas and named ranges. References to dropped parts are removed so the
// package stays consistent, and the copy is scrubbed again to prove nothing is left.

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const ODS_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

export type OfficeFormat = 'DOCX' | 'PPTX' | 'ODS';
export const OFFICE_FORMAT_OF: Record<string, OfficeFormat> = {
  [DOCX_TYPE]: 'DOCX',
  [PPTX_TYPE]: 'PPTX',
  [ODS_TYPE]: 'ODS',
};

export interface OfficeReport {
  format: OfficeFormat;
  comments: number;
  /** Insertions, deletions, moves and formatting changes still recorded. */
  trackedChanges: number;
  /** Runs of hidden text (DOCX), hidden shapes (PPTX). */
  hiddenText: number;
  hiddenSlides: string[];
  speakerNotes: number;
  hiddenSheets: string[];
  hiddenRows: string[];
  hiddenColumns: string[];
  definedNames: string[];
  formulas: number;
  /** Document variables (DOCX settings), which hold text no page shows. */
  documentVariables: number;
  embeddedObjects: number;
  externalLinks: number;
  thumbnail: boolean;
  customProperties: boolean;
  macros: boolean;
  /** Properties that are set: creator, lastModifiedBy, title, company, … */
  properties: string[];
}

function emptyReport(format: OfficeFormat): OfficeReport {
  return {
    format,
    comments: 0,
    trackedChanges: 0,
    hiddenText: 0,
    hiddenSlides: [],
    speakerNotes: 0,
    hiddenSheets: [],
    hiddenRows: [],
    hiddenColumns: [],
    definedNames: [],
    formulas: 0,
    documentVariables: 0,
    embeddedObjects: 0,
    externalLinks: 0,
    thumbnail: false,
    customProperties: false,
    macros: false,
    properties: [],
  };
}

export function isOfficeClean(r: OfficeReport): boolean {
  return Object.entries(r).every(
    ([k, v]) => k === 'format' || v === false || v === 0 || (Array.isArray(v) && v.length === 0),
  );
}

// ---------------------------------------------------------------- OOXML (DOCX, PPTX)

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const CP = 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties';
const HYPERLINK = `${R}/hyperlink`;

const EMPTY_CORE = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="${CP}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"/>`,
);

/** Parts that only hold what no page shows (or code): dropped whole. */
const OOXML_DROP: [RegExp, keyof OfficeReport | null][] = [
  [/^docProps\/app\.xml$/, null],
  [/^docProps\/custom\.xml$/, 'customProperties'],
  [/^docProps\/thumbnail\.[a-z]+$/i, 'thumbnail'],
  [/^customXml\//, null],
  [/vbaProject\.bin$|vbaData\.xml$/i, 'macros'],
  [/^word\/comments[A-Za-z]*\.xml$/, null],
  [/^word\/people\.xml$/, null],
  [/^word\/glossary\//, null],
  [/^ppt\/comments\//, null],
  [/^ppt\/commentAuthors\.xml$|^ppt\/authors\.xml$/, null],
  [/^ppt\/notesSlides\//, 'speakerNotes'],
  [/^ppt\/revisionInfo\.xml$|^ppt\/changesInfos\//, null],
  [/\/embeddings\//, 'embeddedObjects'],
  [/\/externalLinks\//, 'externalLinks'],
];

const relsOf = (part: string) => path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
const partOfRels = (rels: string) =>
  path.join(path.dirname(path.dirname(rels)), path.basename(rels, '.rels'));
const resolveTarget = (rels: string, target: string) =>
  target.startsWith('/')
    ? target.slice(1)
    : path.normalize(path.join(path.dirname(partOfRels(rels)), target));

function isOn(el: Element | undefined, attr = 'w:val'): boolean {
  if (!el) return false;
  const v = el.getAttribute(attr);
  return v === null || v === '' || !['0', 'false', 'off'].includes(v);
}

const TRACK_REMOVE = [
  'del',
  'moveFrom',
  'rPrChange',
  'pPrChange',
  'sectPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
  'tblGridChange',
  'numberingChange',
  'moveFromRangeStart',
  'moveFromRangeEnd',
  'moveToRangeStart',
  'moveToRangeEnd',
  'customXmlDelRangeStart',
  'customXmlDelRangeEnd',
  'customXmlInsRangeStart',
  'customXmlInsRangeEnd',
];
const TRACK_ACCEPT = ['ins', 'moveTo'];

/** A DOCX content part (body, headers, footers, notes): tracked changes, comment anchors, hidden text. */
function scrubWordPart(doc: Document, report: OfficeReport): void {
  for (const local of TRACK_REMOVE)
    for (const el of all(doc, W, local)) {
      if (!local.endsWith('RangeEnd') && !local.endsWith('RangeStart')) report.trackedChanges++;
      remove(el);
    }
  for (const local of TRACK_ACCEPT)
    for (const el of all(doc, W, local)) {
      report.trackedChanges++;
      // An inserted paragraph mark (w:rPr/w:ins) has no content: drop the marker.
      if (el.parentNode && (el.parentNode as Element).localName === 'rPr') remove(el);
      else unwrap(el);
    }
  for (const local of ['commentRangeStart', 'commentRangeEnd'])
    for (const el of all(doc, W, local)) remove(el);
  for (const el of all(doc, W, 'commentReference')) {
    const run = el.parentNode as Element | null;
    remove(el);
    if (run && run.localName === 'r' && childElements(run).every((c) => c.localName === 'rPr')) remove(run);
  }
  for (const run of all(doc, W, 'r')) {
    const rPr = childElements(run).find((c) => c.localName === 'rPr');
    const vanish =
      rPr && childElements(rPr).find((c) => c.localName === 'vanish' || c.localName === 'specVanish');
    if (vanish && isOn(vanish)) {
      report.hiddenText++;
      remove(run);
    }
  }
}

function scrubWordSettings(doc: Document, report: OfficeReport): void {
  for (const el of all(doc, W, 'docVars')) {
    report.documentVariables += all(el, W, 'docVar').length;
    remove(el);
  }
  for (const local of ['rsids', 'attachedTemplate']) for (const el of all(doc, W, local)) remove(el);
}

/** PPTX: hidden slides (show="0") are dropped with their parts; returns the slide parts to drop. */
function hiddenSlides(parts: Parts, report: OfficeReport): Set<string> {
  const drop = new Set<string>();
  const pres = parts.get('ppt/presentation.xml');
  const presRels = parts.get('ppt/_rels/presentation.xml.rels');
  if (!pres || !presRels) return drop;
  const relDoc = parseXml(presRels);
  const target = new Map(
    all(relDoc, PKG_REL, 'Relationship').map((r) => [
      r.getAttribute('Id')!,
      resolveTarget('ppt/_rels/presentation.xml.rels', r.getAttribute('Target') ?? ''),
    ]),
  );
  all(parseXml(pres), P, 'sldId').forEach((s, i) => {
    const part = target.get(s.getAttributeNS(R, 'id') ?? '');
    if (!part || !parts.has(part)) return;
    const root = parseXml(parts.get(part)!).documentElement;
    if (root && root.getAttribute('show') !== null && !isOn(root, 'show')) {
      report.hiddenSlides.push(`${i + 1}`);
      drop.add(part);
      drop.add(relsOf(part));
    }
  });
  return drop;
}

/** PPTX content: hidden shapes (cNvPr hidden="1") are removed. */
function scrubSlide(doc: Document, report: OfficeReport): void {
  for (const c of all(doc, P, 'cNvPr')) {
    if (c.getAttribute('hidden') === null || !isOn(c, 'hidden')) continue;
    const shape = c.parentNode?.parentNode as Element | null;
    if (shape) {
      report.hiddenText++;
      remove(shape);
    }
  }
}

function coreProperties(bytes: Buffer | undefined, report: OfficeReport): void {
  if (!bytes) return;
  const root = parseXml(bytes).documentElement;
  if (!root) return;
  for (const el of childElements(root))
    if ((el.textContent ?? '').trim() !== '') report.properties.push(el.localName ?? '');
}

async function scrubOoxml(
  parts: Parts,
  format: 'DOCX' | 'PPTX',
): Promise<{ parts: Parts; report: OfficeReport }> {
  const report = emptyReport(format);
  if (!parts.has('[Content_Types].xml')) throw new AppError('VALIDATION', 'redaction.error.unreadable');
  const drop = format === 'PPTX' ? hiddenSlides(parts, report) : new Set<string>();
  for (const name of parts.keys()) {
    for (const [re, key] of OOXML_DROP) {
      if (!re.test(name)) continue;
      drop.add(name);
      if (key === 'customProperties' || key === 'thumbnail' || key === 'macros') report[key] = true;
      else if (key === 'speakerNotes' && name.endsWith('.xml') && !name.includes('/_rels/'))
        report.speakerNotes++;
      else if (
        key === 'embeddedObjects' ||
        (key === 'externalLinks' && name.endsWith('.xml') && !name.includes('/_rels/'))
      )
        report[key]++;
      break;
    }
  }
  for (const [name, bytes] of parts) {
    if (/^word\/comments\.xml$/.test(name)) report.comments += all(parseXml(bytes), W, 'comment').length;
    if (/^ppt\/comments\/.*\.xml$/.test(name))
      report.comments += Array.from(parseXml(bytes).getElementsByTagName('*')).filter(
        (e) => e.localName === 'cm',
      ).length;
  }
  // Relationships: to dropped parts, and external ones other than visible hyperlinks.
  const out: Parts = new Map();
  const removedIds = new Map<string, Set<string>>();
  for (const [name, bytes] of parts) {
    if (drop.has(name) || !name.endsWith('.rels')) continue;
    const doc = parseXml(bytes);
    const gone = new Set<string>();
    for (const rel of all(doc, PKG_REL, 'Relationship')) {
      const external = rel.getAttribute('TargetMode') === 'External';
      const to = external ? '' : resolveTarget(name, rel.getAttribute('Target') ?? '');
      if (
        (external && rel.getAttribute('Type') !== HYPERLINK) ||
        (!external && (drop.has(to) || !parts.has(to)))
      ) {
        if (
          external &&
          /oleObject|externalLink|attachedTemplate|frame|subDocument/.test(rel.getAttribute('Type') ?? '')
        )
          report.externalLinks++;
        gone.add(rel.getAttribute('Id') ?? '');
        remove(rel);
      }
    }
    removedIds.set(partOfRels(name), gone);
    out.set(name, serializeXml(doc));
  }
  for (const [name, bytes] of parts) {
    if (drop.has(name) || name.endsWith('.rels')) continue;
    if (name === 'docProps/core.xml') {
      coreProperties(bytes, report);
      out.set(name, EMPTY_CORE);
      continue;
    }
    if (!name.endsWith('.xml') || name === '[Content_Types].xml') {
      out.set(name, bytes);
      continue;
    }
    const doc = parseXml(bytes);
    if (format === 'DOCX' && /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(name))
      scrubWordPart(doc, report);
    if (format === 'DOCX' && name === 'word/settings.xml') scrubWordSettings(doc, report);
    if (format === 'PPTX' && /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name))
      scrubSlide(doc, report);
    if (name === 'ppt/presentation.xml') {
      const gone = removedIds.get(name) ?? new Set();
      for (const s of all(doc, P, 'sldId')) if (gone.has(s.getAttributeNS(R, 'id') ?? '')) remove(s);
    }
    for (const el of all(doc, CHART, 'externalData')) remove(el);
    // Any element still pointing at a removed relationship goes (an OLE object's link, …).
    const gone = removedIds.get(name);
    if (gone && gone.size > 0) {
      for (const el of Array.from(doc.getElementsByTagName('*'))) {
        const attrs = Array.from(el.attributes);
        if (attrs.some((a) => a.namespaceURI === R && gone.has(a.value))) remove(el);
      }
    }
    out.set(name, serializeXml(doc));
  }
  // Content types: no override for a part that is gone.
  const ct = parseXml(parts.get('[Content_Types].xml')!);
  for (const o of all(ct, CT, 'Override'))
    if (!out.has((o.getAttribute('PartName') ?? '').replace(/^\//, ''))) remove(o);
  out.set('[Content_Types].xml', serializeXml(ct));
  // Keep the original order, [Content_Types].xml first.
  const ordered: Parts = new Map([['[Content_Types].xml', out.get('[Content_Types].xml')!]]);
  for (const name of parts.keys()) if (out.has(name) && !ordered.has(name)) ordered.set(name, out.get(name)!);
  return { parts: ordered, report };
}

// ---------------------------------------------------------------- ODF spreadsheet (ODS)

const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const STYLE = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0';
const DRAW = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';
const MANIFEST = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0';
const META = 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0';

const EMPTY_META = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta xmlns:office="${OFFICE}" office:version="1.3"><office:meta/></office:document-meta>`,
);

const VALUE_ATTRS = [
  'office:value',
  'office:value-type',
  'office:date-value',
  'office:time-value',
  'office:boolean-value',
  'office:string-value',
  'office:currency',
  'calcext:value-type',
  'table:formula',
];

const hidden = (el: Element) => ['collapse', 'filter'].includes(el.getAttributeNS(TABLE, 'visibility') ?? '');
const repeat = (el: Element, attr: string) =>
  Math.max(1, Math.min(1_048_576, Number(el.getAttributeNS(TABLE, attr) ?? '1') || 1));
const hasContent = (cell: Element) =>
  childElements(cell).length > 0 || VALUE_ATTRS.some((a) => cell.hasAttribute(a));

function blank(cell: Element): void {
  for (const c of childElements(cell)) remove(c);
  for (const a of VALUE_ATTRS) cell.removeAttribute(a);
}

function columnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function scrubSheet(table: Element, report: OfficeReport): void {
  const name = table.getAttributeNS(TABLE, 'name') ?? '';
  const hiddenCols = new Set<number>();
  let col = 0;
  for (const c of all(table, TABLE, 'table-column')) {
    const n = repeat(c, 'number-columns-repeated');
    if (hidden(c)) {
      for (let i = 0; i < n && i < 16384; i++) hiddenCols.add(col + i);
      report.hiddenColumns.push(`${name}!${columnName(col + 1)}${n > 1 ? `–${columnName(col + n)}` : ''}`);
      c.removeAttributeNS(TABLE, 'visibility');
    }
    col += n;
  }
  let row = 0;
  for (const r of all(table, TABLE, 'table-row')) {
    const n = repeat(r, 'number-rows-repeated');
    const cells = childElements(r).filter(
      (c) =>
        c.namespaceURI === TABLE && (c.localName === 'table-cell' || c.localName === 'covered-table-cell'),
    );
    if (hidden(r)) {
      if (cells.some(hasContent)) report.hiddenRows.push(`${name}!${row + 1}${n > 1 ? `–${row + n}` : ''}`);
      for (const c of cells) blank(c);
      r.removeAttributeNS(TABLE, 'visibility');
    } else if (hiddenCols.size > 0) {
      let at = 0;
      for (const c of cells) {
        const span = repeat(c, 'number-columns-repeated');
        const overlaps = [...Array(Math.min(span, 16384)).keys()].some((i) => hiddenCols.has(at + i));
        if (overlaps && hasContent(c)) {
          if (span === 1) blank(c);
          else {
            // A repeated cell over hidden and visible columns: one cell per column, hidden ones blank.
            c.removeAttributeNS(TABLE, 'number-columns-repeated');
            for (let i = 0; i < span; i++) {
              const copy = c.cloneNode(true) as Element;
              if (hiddenCols.has(at + i)) blank(copy);
              r.insertBefore(copy, c);
            }
            remove(c);
          }
        }
        at += span;
      }
    }
    row += n;
  }
}

async function scrubOds(parts: Parts): Promise<{ parts: Parts; report: OfficeReport }> {
  const report = emptyReport('ODS');
  const content = parts.get('content.xml');
  if (!content || parts.get('mimetype')?.toString().trim() !== ODS_TYPE)
    throw new AppError('VALIDATION', 'redaction.error.unreadable');
  const drop = new Set<string>();
  for (const name of parts.keys()) {
    if (name === 'settings.xml' || name === 'layout-cache') drop.add(name);
    if (name.startsWith('Thumbnails/')) {
      drop.add(name);
      report.thumbnail = true;
    }
    if (name.startsWith('Basic/') || name.startsWith('Scripts/')) {
      drop.add(name);
      report.macros = true;
    }
    if (name.startsWith('Configurations2/') || name.startsWith('ObjectReplacements/')) drop.add(name);
    if (/^Object \d+\//.test(name) || name.startsWith('Objects/')) drop.add(name);
  }
  const doc = parseXml(content);
  // Sheets whose style says display="false".
  const hiddenStyles = new Set(
    all(doc, STYLE, 'style')
      .filter(
        (s) =>
          s.getAttributeNS(STYLE, 'family') === 'table' &&
          all(s, STYLE, 'table-properties').some((p) => p.getAttributeNS(TABLE, 'display') === 'false'),
      )
      .map((s) => s.getAttributeNS(STYLE, 'name') ?? ''),
  );
  const tables = all(doc, TABLE, 'table').filter(
    (t) => (t.parentNode as Element | null)?.localName === 'spreadsheet',
  );
  for (const t of tables) {
    if (hiddenStyles.has(t.getAttributeNS(TABLE, 'style-name') ?? '')) {
      report.hiddenSheets.push(t.getAttributeNS(TABLE, 'name') ?? '');
      remove(t);
    }
  }
  if (all(doc, TABLE, 'table').length === 0)
    throw new AppError('VALIDATION', 'redaction.error.nothingVisible');
  for (const t of all(doc, TABLE, 'tracked-changes')) {
    report.trackedChanges += childElements(t).length;
    remove(t);
  }
  for (const a of all(doc, OFFICE, 'annotation')) {
    report.comments++;
    remove(a);
  }
  for (const a of all(doc, OFFICE, 'annotation-end')) remove(a);
  for (const n of all(doc, TABLE, 'named-expressions')) {
    for (const e of childElements(n)) report.definedNames.push(e.getAttributeNS(TABLE, 'name') ?? '');
    remove(n);
  }
  for (const local of ['database-ranges', 'data-pilot-tables', 'content-validations', 'dde-links'])
    for (const el of all(doc, TABLE, local)) remove(el);
  for (const el of all(doc, TABLE, 'table-source')) {
    report.externalLinks++;
    remove(el);
  }
  for (const cell of all(doc, TABLE, 'table-cell')) {
    if (cell.hasAttributeNS(TABLE, 'formula')) {
      report.formulas++;
      cell.removeAttributeNS(TABLE, 'formula');
    }
  }
  for (const o of [...all(doc, DRAW, 'object'), ...all(doc, DRAW, 'object-ole')]) {
    report.embeddedObjects++;
    remove(o);
  }
  for (const t of all(doc, TABLE, 'table')) scrubSheet(t, report);
  const meta = parts.get('meta.xml');
  if (meta) {
    const m = parseXml(meta);
    for (const el of all(m, OFFICE, 'meta').flatMap(childElements)) {
      if (el.namespaceURI === META && el.localName === 'user-defined') report.customProperties = true;
      else if (
        el.localName !== 'generator' &&
        el.localName !== 'document-statistic' &&
        el.localName !== 'editing-cycles' &&
        el.localName !== 'editing-duration'
      )
        report.properties.push(el.localName ?? '');
    }
  }
  const out: Parts = new Map();
  for (const [name, bytes] of parts) {
    if (drop.has(name)) continue;
    if (name === 'content.xml') out.set(name, serializeXml(doc));
    else if (name === 'meta.xml') out.set(name, EMPTY_META);
    else if (name === 'META-INF/manifest.xml') {
      const man = parseXml(bytes);
      for (const e of all(man, MANIFEST, 'file-entry')) {
        const p = e.getAttributeNS(MANIFEST, 'full-path') ?? '';
        if (p !== '/' && [...drop].some((d) => d === p || d.startsWith(p.endsWith('/') ? p : `${p}/`)))
          remove(e);
      }
      out.set(name, serializeXml(man));
    } else if (name === 'styles.xml') {
      // Page headers/footers may carry text; annotations there too.
      const s = parseXml(bytes);
      for (const a of all(s, OFFICE, 'annotation')) {
        report.comments++;
        remove(a);
      }
      out.set(name, serializeXml(s));
    } else out.set(name, bytes);
  }
  return { parts: out, report };
}

// ---------------------------------------------------------------- entry points

async function scrubOnce(
  bytes: Buffer,
  format: OfficeFormat,
): Promise<{ bytes: Buffer; report: OfficeReport }> {
  const parts = await readParts(bytes);
  const done = format === 'ODS' ? await scrubOds(parts) : await scrubOoxml(parts, format);
  return { bytes: await writeParts(done.parts, format === 'ODS' ? ['mimetype'] : []), report: done.report };
}

/** What hidden data the file carries (the report the PPID sees). */
export async function inspectOffice(bytes: Buffer, format: OfficeFormat): Promise<OfficeReport> {
  return (await scrubOnce(bytes, format)).report;
}

/**
 * The released copy, and what was removed. The copy is scrubbed a second time: anything that
 * second pass still finds means the first one missed it, and nothing is returned.
 */
export async function scrubOffice(
  bytes: Buffer,
  format: OfficeFormat,
): Promise<{ bytes: Buffer; before: OfficeReport }> {
  const first = await scrubOnce(bytes, format);
  const again = await scrubOnce(first.bytes, format);
  if (!isOfficeClean(again.report))
    throw new Error(`office scrub left hidden data: ${JSON.stringify(again.report)}`);
  return { bytes: first.bytes, before: first.report };
}
