import {
  createPdf,
  drawLetterhead,
  drawSignature,
  numberPages,
  pageScale,
  pdfToBuffer,
  type Letterhead,
  type Pdf,
} from '../../platform/pdf/pdf.ts';
import type { ServiceCharter } from './charter.ts';

// The Maklumat Pelayanan as a printable document (ADR 0092): A4 for the file and the desk, A3 as
// the poster of the notice board (Perki 1/2021 Pasal 47: published on the notice board too).
// One layout, drawn √2 larger on A3, so both print the same text on the same number of pages.

export type CharterPaper = 'A4' | 'A3';

export const CHARTER_TITLE = 'MAKLUMAT PELAYANAN INFORMASI PUBLIK';

export const CHARTER_HEADINGS = {
  legalBases: 'Dasar Hukum',
  procedure: 'Sistem, Mekanisme dan Prosedur',
  times: 'Jangka Waktu Penyelesaian',
  fees: 'Biaya/Tarif',
  guarantee: 'Jaminan Pelayanan',
  evaluation: 'Evaluasi Kinerja Pelayanan',
  complaints: 'Pengaduan, Keberatan dan Sengketa Informasi',
  accessibility: 'Layanan bagi Penyandang Disabilitas',
} as const;

/** A numbered or bulleted line with a hanging indent. */
function item(doc: Pdf, marker: string, text: string, s: number): void {
  const left = doc.page.margins.left + 12 * s;
  const indent = 16 * s;
  const width = doc.page.width - doc.page.margins.right - left - indent;
  // The marker and its text start on the same page.
  if (doc.y + doc.heightOfString(text, { width }) > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  doc.text(marker, left, y, { width: indent, lineBreak: false });
  doc.text(text, left + indent, y, { width, align: 'justify' });
  doc.moveDown(0.15);
}

function heading(doc: Pdf, n: number, title: string, s: number): void {
  if (doc.y + 60 * s > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(0.5);
  doc
    .font('bold')
    .fontSize(10 * s)
    .text(`${n}. ${title}`, doc.page.margins.left, doc.y);
  doc.moveDown(0.2);
  doc.font('regular').fontSize(8.8 * s);
}

function paragraph(doc: Pdf, text: string, s: number): void {
  doc.text(text, doc.page.margins.left + 12 * s, doc.y, {
    width: doc.page.width - doc.page.margins.left - doc.page.margins.right - 12 * s,
    align: 'justify',
  });
  doc.moveDown(0.15);
}

/** The guarantee, boxed and in bold: it is the promise the charter makes. */
function guaranteeBox(doc: Pdf, text: string, s: number): void {
  const left = doc.page.margins.left + 12 * s;
  const width = doc.page.width - doc.page.margins.right - left;
  const pad = 6 * s;
  doc.font('bold').fontSize(9.5 * s);
  const quoted = `“${text}”`;
  const h = doc.heightOfString(quoted, { width: width - 2 * pad, align: 'center' }) + 2 * pad;
  if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  doc
    .rect(left, top, width, h)
    .lineWidth(1.2 * s)
    .stroke();
  doc.lineWidth(1);
  doc.text(quoted, left + pad, top + pad, { width: width - 2 * pad, align: 'center' });
  doc.y = top + h;
  doc.font('regular').fontSize(8.8 * s);
}

/**
 * How much larger than on A4 the text is drawn: a poster on A3 is read from a step away and
 * should stay one sheet, so the largest size that fits on one page is taken (the A4 copy may
 * take two pages).
 */
const POSTER_SCALES = [1.4, 1.3, 1.2, 1.1];

export async function renderCharterPdf(input: {
  charter: ServiceCharter;
  letterhead: Letterhead;
  paper: CharterPaper;
}): Promise<Buffer> {
  const finish = (doc: Pdf) => {
    const name = input.charter.officeName;
    numberPages(doc, (p, total) =>
      total > 1
        ? `Maklumat Pelayanan Informasi Publik — ${name} · Halaman ${p} dari ${total}`
        : `Maklumat Pelayanan Informasi Publik — ${name}`,
    );
    return pdfToBuffer(doc);
  };
  if (input.paper === 'A4') return finish(drawCharter(input, 1));
  for (const s of POSTER_SCALES) {
    const doc = drawCharter(input, s);
    if (doc.bufferedPageRange().count === 1 || s === POSTER_SCALES.at(-1)) return finish(doc);
    doc.end();
  }
  throw new Error('unreachable');
}

function drawCharter(
  input: { charter: ServiceCharter; letterhead: Letterhead; paper: CharterPaper },
  s: number,
): Pdf {
  const { charter: c, paper } = input;
  const doc = createPdf({
    title: `Maklumat Pelayanan Informasi Publik — ${c.officeName}`,
    subject: 'Maklumat Pelayanan (Peraturan Komisi Informasi Nomor 1 Tahun 2021 Pasal 47)',
    author: c.officeName,
    size: paper,
  });
  drawLetterhead(doc, input.letterhead, pageScale(paper));
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  doc
    .font('bold')
    .fontSize(16 * s)
    .text(CHARTER_TITLE, left, doc.y, { width, align: 'center' });
  doc
    .font('regular')
    .fontSize(11 * s)
    .text(c.officeName, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.font('regular').fontSize(8.8 * s);

  const bullets = (lines: string[]) => () => lines.forEach((l) => item(doc, '•', l, s));
  const numbered = (lines: string[]) => () => lines.forEach((l, i) => item(doc, `${i + 1}.`, l, s));
  const sections: [string, () => void][] = [
    [CHARTER_HEADINGS.legalBases, numbered(c.legalBases)],
    [CHARTER_HEADINGS.procedure, numbered(c.procedure)],
    [CHARTER_HEADINGS.times, bullets([`Jam layanan: ${c.serviceHours.id}`, ...c.times.map((l) => l.id)])],
    [CHARTER_HEADINGS.fees, bullets(c.fees.map((l) => l.id))],
    [CHARTER_HEADINGS.guarantee, () => guaranteeBox(doc, c.guarantee, s)],
    [CHARTER_HEADINGS.evaluation, () => paragraph(doc, c.evaluation, s)],
    [
      CHARTER_HEADINGS.complaints,
      () => {
        paragraph(doc, c.complaints, s);
        const contact = c.contact.length > 0 ? [`Kontak: ${c.contact.join(' · ')}`] : [];
        bullets([...c.objections.map((l) => l.id), ...contact])();
      },
    ],
    [CHARTER_HEADINGS.accessibility, () => paragraph(doc, c.accessibility, s)],
  ];
  sections.forEach(([title, draw], i) => {
    heading(doc, i + 1, title, s);
    draw();
  });

  drawSignature(
    doc,
    {
      placeAndDate: c.signer.placeAndDate,
      title: `${c.signer.position},\nselaku Atasan PPID`,
      name: c.signer.name ?? '(................................................)',
      idLine: c.signer.nip ? `NIP ${c.signer.nip}` : null,
    },
    s,
  );
  return doc;
}
