import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page of a PDF, as pdf.js reads it (lines joined by spaces). */
export async function pdfPages(bytes: Buffer | Uint8Array): Promise<string[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  await doc.destroy();
  return pages;
}

export async function pdfText(bytes: Buffer | Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join('\n');
}

export async function pdfInfo(bytes: Buffer | Uint8Array): Promise<{ title?: string; pages: number }> {
  const doc = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const meta = await doc.getMetadata();
  const info = meta.info as { Title?: string };
  const result = { title: info.Title, pages: doc.numPages };
  await doc.destroy();
  return result;
}

/** Each page's size in PDF points, [width, height] (A4 = 595.28 × 841.89, A3 = 841.89 × 1190.55). */
export async function pdfPageSizes(bytes: Buffer | Uint8Array): Promise<[number, number][]> {
  const doc = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const sizes: [number, number][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const [x0, y0, x1, y1] = (await doc.getPage(i)).view as [number, number, number, number];
    sizes.push([Math.round((x1 - x0) * 100) / 100, Math.round((y1 - y0) * 100) / 100]);
  }
  await doc.destroy();
  return sizes;
}
