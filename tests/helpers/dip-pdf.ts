import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page of a PDF, as pdf.js reads it back (items joined by spaces). */
export async function readDipPdf(
  bytes: Buffer,
): Promise<{ text: string[]; width: number; height: number; title: string }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  const text: string[] = [];
  let width = 0;
  let height = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    if (i === 1) [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    text.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  const meta = await doc.getMetadata();
  const title = String((meta.info as { Title?: string }).Title ?? '');
  await doc.destroy();
  return { text, width, height, title };
}
