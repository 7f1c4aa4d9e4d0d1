import { createRequire } from 'node:module';
import type * as XmlDom from '@xmldom/xmldom';
import type { Document, Element, Node } from '@xmldom/xmldom';
import { fromBufferPromise } from 'yauzl';
import { ZipFile } from 'yazl';
import { AppError } from '../../platform/errors.ts';

// @xmldom/xmldom (CommonJS) is required on the first office file read, not at start-up (ADR 0111).
const require = createRequire(import.meta.url);
let xmldomModule: typeof XmlDom | undefined;
function xmldom(): typeof XmlDom {
  xmldomModule ??= require('@xmldom/xmldom') as typeof XmlDom;
  return xmldomModule;
}

// The zip and XML plumbing under office-scrub.ts: an office file (OOXML or ODF) is a zip of
// XML parts; we read every part into memory (yauzl), change the XML as a DOM (@xmldom/xmldom)
// and write a new zip (yazl). Sizes are bounded by the upload limit.

/** A package's parts by name, in their original order. */
export type Parts = Map<string, Buffer>;

const MAX_PARTS = 5000;
const MAX_TOTAL = 512 * 1024 * 1024;

export async function readParts(bytes: Buffer): Promise<Parts> {
  const parts: Parts = new Map();
  let total = 0;
  try {
    const zip = await fromBufferPromise(bytes, { lazyEntries: true });
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      if (parts.size >= MAX_PARTS) throw new Error('too many parts');
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const c of stream) {
        total += (c as Buffer).length;
        if (total > MAX_TOTAL) throw new Error('too large when unpacked');
        chunks.push(c as Buffer);
      }
      parts.set(entry.fileName, Buffer.concat(chunks));
    }
    zip.close();
  } catch {
    throw new AppError('VALIDATION', 'redaction.error.unreadable');
  }
  return parts;
}

/** Writes the parts as a zip; `stored` parts (ODF's mimetype) are written first and uncompressed. */
export async function writeParts(parts: Parts, stored: readonly string[] = []): Promise<Buffer> {
  const zip = new ZipFile();
  const fixed = new Date(Date.UTC(2000, 0, 1));
  const order = [
    ...stored.filter((n) => parts.has(n)),
    ...[...parts.keys()].filter((n) => !stored.includes(n)),
  ];
  for (const name of order)
    zip.addBuffer(parts.get(name)!, name, { mtime: fixed, compress: !stored.includes(name) });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export function parseXml(bytes: Buffer): Document {
  const { DOMParser, onErrorStopParsing } = xmldom();
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(bytes.toString('utf8'), 'text/xml');
  } catch {
    throw new AppError('VALIDATION', 'redaction.error.unreadable');
  }
}

export function serializeXml(doc: Document): Buffer {
  return Buffer.from(new (xmldom().XMLSerializer)().serializeToString(doc), 'utf8');
}

/** The elements of a namespace and local name under `root`, as a static array (safe to remove while iterating). */
export function all(root: Document | Element, ns: string, local: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, local));
}

export function remove(node: Node): void {
  node.parentNode?.removeChild(node);
}

/** Replaces an element by its children (a tracked insertion accepted). */
export function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

export function childElements(el: Element): Element[] {
  return Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
}

/** Text content of an XML part, for the tests' and the report's checks. */
export function textOf(doc: Document | Element): string {
  return (doc as unknown as { textContent: string | null }).textContent ?? '';
}
