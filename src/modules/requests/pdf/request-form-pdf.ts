import { formatDate } from '../../../platform/i18n.ts';
import { createPdf, drawLetterhead, numberPages, pdfToBuffer, type Pdf } from '../../../platform/pdf/pdf.ts';
import { ACCESS_METHOD_ID, CATEGORY_ID, DELIVERY_METHOD_ID } from '../labels-id.ts';
import type { RequestRow } from '../queries.ts';
import { ACCESS_METHODS, CATEGORIES, DELIVERY_METHODS, type IssuedBy } from '../schema.ts';
import { checkLine, labelledRows, paragraph, twoSignatures } from './letter-kit.ts';

/**
 * Model PPID-B, Formulir Permohonan Informasi Publik (Kep. KPU 156/2015; regulation.md §3.2):
 * printed "rangkap dua" — the first copy stays with the requester as the receipt, the second
 * goes into the office's paper file — each with the requester's and the receiving officer's
 * signature lines. Without a request it is the blank form a walk-in requester fills in by hand.
 */

export const REQUEST_FORM_COPIES = [
  'Lembar 1: untuk Pemohon Informasi',
  'Lembar 2: untuk arsip PPID',
] as const;

const BLANK = '..........................................................................................';

export interface RequestFormInput {
  issuedBy: IssuedBy;
  logoPng: Buffer | null;
  /** A registered request prints its own data; null prints the blank form. */
  request: RequestRow | null;
  /** "Kota, tanggal" under a blank form stays open for the pen. */
  today?: string;
}

function drawCopy(doc: Pdf, input: RequestFormInput, copy: string): void {
  const r = input.request;
  const ib = input.issuedBy;
  drawLetterhead(doc, {
    titleLines: ib.letterheadLines,
    address: ib.address,
    contactLine: ib.contactLine,
    logoPng: input.logoPng,
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font('bold').fontSize(9).text('Model PPID-B', doc.page.margins.left, doc.y, { width, align: 'right' });
  doc.font('bold').fontSize(12).text('FORMULIR PERMOHONAN INFORMASI PUBLIK', { width, align: 'center' });
  doc.font('italic').fontSize(9).text(copy, { width, align: 'center' });
  doc.moveDown(0.8);
  const v = (value: string | null | undefined): string => (r ? (value ?? '-') : BLANK);
  labelledRows(
    doc,
    [
      ['No. Pendaftaran (diisi petugas)', r ? r.number : BLANK],
      ['Nama', v(r?.requesterName)],
      ['Alamat', v(r?.address)],
      ['Pekerjaan', v(r?.occupation)],
      ['Nomor telepon/email', r ? [r.phone, r.email].filter(Boolean).join(' / ') || '-' : BLANK],
      ['Rincian informasi yang dibutuhkan', r ? r.informationRequested : `${BLANK}\n${BLANK}\n${BLANK}`],
      ['Tujuan penggunaan informasi', r ? r.purpose : `${BLANK}\n${BLANK}`],
    ],
    { labelWidth: 170 },
  );
  doc.moveDown(0.3);
  paragraph(doc, 'Kategori informasi publik:', { bold: true, align: 'left' });
  for (const c of CATEGORIES) checkLine(doc, r?.category === c, CATEGORY_ID[c]);
  paragraph(doc, 'Cara memperoleh informasi:', { bold: true, align: 'left' });
  for (const m of ACCESS_METHODS) checkLine(doc, r?.accessMethods.includes(m) ?? false, ACCESS_METHOD_ID[m]);
  paragraph(doc, 'Cara mendapatkan salinan informasi:', { bold: true, align: 'left' });
  for (const m of DELIVERY_METHODS) checkLine(doc, r?.deliveryMethod === m, DELIVERY_METHOD_ID[m]);
  const placeDate = r
    ? `${ib.city}, ${formatDate(r.receivedAt, 'id', ib.timeZone)}`
    : `${ib.city}, ...................................`;
  twoSignatures(
    doc,
    placeDate,
    {
      title: 'Petugas Pelayanan Informasi\n(Penerima Permohonan)',
      name: r
        ? (r.intakeOfficerName ?? '(.................................)')
        : '(.................................)',
    },
    { title: 'Pemohon Informasi', name: r ? r.requesterName : '(.................................)' },
  );
}

export async function renderRequestFormPdf(input: RequestFormInput): Promise<Buffer> {
  const title = input.request ? `Model PPID-B ${input.request.number}` : 'Model PPID-B (formulir kosong)';
  const doc = createPdf({
    title: `${title} — ${input.issuedBy.officeName}`,
    author: `PPID ${input.issuedBy.officeName}`,
  });
  REQUEST_FORM_COPIES.forEach((copy, i) => {
    if (i > 0) doc.addPage();
    drawCopy(doc, input, copy);
  });
  numberPages(
    doc,
    (p, n) => `Model PPID-B${input.request ? ` · ${input.request.number}` : ''} · Halaman ${p} dari ${n}`,
  );
  return pdfToBuffer(doc);
}
