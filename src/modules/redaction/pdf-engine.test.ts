import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as mupdf from 'mupdf';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyPdfRedactions,
  findTextAreas,
  inspectPdf,
  pdfPageCount,
  pdfPageTexts,
  previewPage,
  renderPdfPages,
  stripPdf,
} from './pdf-engine.ts';
import { SAMPLE_PEOPLE, samplePeoplePdf } from './samples.ts';

// Every claim is checked with poppler (pdftotext, pdfinfo, pdfimages, pdfdetach) or pdf.js,
// independent of the engine that did the redaction.

const run = promisify(execFile);
let dir: string;
let source: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'redaction-'));
  source = await samplePeoplePdf({ hidden: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function poppler(tool: string, bytes: Buffer, args: string[] = []): Promise<string> {
  const file = path.join(dir, `${tool}-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, bytes);
  const { stdout } = await run(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])]);
  return stdout;
}

async function annotationCount(bytes: Buffer): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  let n = 0;
  for (let i = 1; i <= doc.numPages; i++) n += (await (await doc.getPage(i)).getAnnotations()).length;
  await doc.destroy();
  return n;
}

describe('PDF redaction with MuPDF, checked with poppler', () => {
  it('the sample carries the data and the hidden parts the test is about', async () => {
    const text = await poppler('pdftotext', source);
    for (const p of SAMPLE_PEOPLE) expect(text).toContain(p.nik);
    expect(await poppler('pdfinfo', source)).toMatch(/Author:\s+Operator Rahasia/);
    expect(await poppler('pdfdetach', source, ['-list'])).toMatch(/1 embedded files/);
    expect(await annotationCount(source)).toBeGreaterThan(0);
    const found = await inspectPdf(source);
    expect(found).toMatchObject({ embeddedFiles: 1, formFields: true });
    expect(found.info).toEqual(expect.arrayContaining(['Title', 'Author']));
    expect(found.annotations).toBeGreaterThan(0);
  });

  it('text under an area is gone from the content; the rest stays', async () => {
    const areas = (
      await Promise.all(
        SAMPLE_PEOPLE.map(async (p) => [
          ...(await findTextAreas(source, p.nik)),
          ...(await findTextAreas(source, p.name)),
        ]),
      )
    ).flat();
    expect(areas).toHaveLength(6);
    const { bytes } = await applyPdfRedactions(source, areas);
    const text = await poppler('pdftotext', bytes);
    for (const p of SAMPLE_PEOPLE) {
      expect(text).not.toContain(p.nik);
      expect(text).not.toContain(p.name);
      expect(text).toContain(p.email); // not marked, so released
    }
    expect(text).toContain('Jadwal rapat pleno');
    expect(text).toContain('isian rahasia'); // the form's value is flattened into the page, where the PPID sees and can mark it
    expect((await pdfPageTexts(bytes)).join('\n')).not.toContain(SAMPLE_PEOPLE[0]!.nik);
  });

  it('no metadata, XMP, embedded file, annotation or form remains', async () => {
    const bytes = await stripPdf(source);
    const info = await poppler('pdfinfo', bytes);
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'])
      expect(info).not.toMatch(new RegExp(`^${key}:`, 'm'));
    expect(info).toMatch(/Metadata Stream:\s+no/);
    expect(info).toMatch(/Form:\s+none/);
    expect(info).toMatch(/JavaScript:\s+no/);
    expect(await poppler('pdfdetach', bytes, ['-list'])).toMatch(/0 embedded files/);
    expect(await annotationCount(bytes)).toBe(0);
    expect(bytes.includes(Buffer.from('Operator Rahasia'))).toBe(false);
    expect(await inspectPdf(bytes)).toEqual({
      info: [],
      xmp: false,
      embeddedFiles: 0,
      javaScript: false,
      annotations: 0,
      formFields: false,
    });
  });

  it('a scanned image is redacted in its pixels', async () => {
    // The image is drawn at (56,320) 200×100 pt from a 400×200 px scan with a red block at px 100–300 × 50–150.
    const { bytes } = await applyPdfRedactions(source, [{ page: 0, x0: 100, y0: 340, x1: 212, y1: 400 }]);
    const pdf = path.join(dir, 'scan.pdf');
    await writeFile(pdf, bytes);
    await run('pdfimages', ['-png', pdf, path.join(dir, 'img')]);
    const images = (await readdir(dir)).filter((f) => f.startsWith('img') && f.endsWith('.png'));
    expect(images.length).toBeGreaterThan(0);
    let red = 0;
    for (const name of images) {
      const pix = new mupdf.Image(await readFile(path.join(dir, name))).toPixmap();
      const px = pix.getPixels();
      const n = pix.getNumberOfComponents() + pix.getAlpha();
      for (let i = 0; i + 2 < px.length; i += n)
        if (px[i]! > 200 && px[i + 1]! < 60 && px[i + 2]! < 60) red++;
    }
    expect(red).toBe(0);
    // The source's image still has its red block: the check can fail.
    const srcPdf = path.join(dir, 'src.pdf');
    await writeFile(srcPdf, source);
    await run('pdfimages', ['-png', srcPdf, path.join(dir, 'orig')]);
    const orig = (await readdir(dir)).find((f) => f.startsWith('orig') && f.endsWith('.png'))!;
    const pix = new mupdf.Image(await readFile(path.join(dir, orig))).toPixmap();
    expect(pix.getPixels()[100 * pix.getStride() + 200 * pix.getNumberOfComponents()]).toBe(255);
  });

  it('renders pages for marking and a preview with the area black', async () => {
    const multi = await samplePeoplePdf({ pages: 3 });
    expect(await pdfPageCount(multi)).toBe(3);
    const seen: number[] = [];
    await renderPdfPages(multi, { dpi: 50 }, (p) => {
      seen.push(p.page);
      expect(p.png.subarray(1, 4).toString()).toBe('PNG');
      expect(p.widthPt).toBeCloseTo(595.28, 1);
    });
    expect(seen).toEqual([0, 1, 2]);
    const preview = await previewPage(multi, [{ page: 1, x0: 56, y0: 240, x1: 176, y1: 280 }], 1, 72);
    const pix = new mupdf.Image(preview.png).toPixmap();
    const px = pix.getPixels();
    const at = (x: number, y: number) =>
      Array.from(px.subarray(y * pix.getStride() + x * 3, y * pix.getStride() + x * 3 + 3));
    expect(at(100, 260)).toEqual([0, 0, 0]); // the blue block, blacked out
    expect(at(300, 700)).toEqual([255, 255, 255]);
  });
});
