import { beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfPages, pdfText } from '../../../tests/helpers/pdf-text.ts';
import {
  createPdf,
  drawLetterhead,
  drawnAsDraft,
  drawSignature,
  drawTable,
  DRAFT_MARK,
  numberPages,
  pdfKit,
  pdfToBuffer,
} from './pdf.ts';

describe('official PDF documents', () => {
  // pdfkit loads and the DejaVu fonts are parsed on the first document (ADR 0111): draw one
  // outside the timed tests.
  beforeAll(async () => {
    expect(typeof pdfKit()).toBe('function');
    await pdfToBuffer(createPdf({ title: 'warm-up' }));
  });

  it('draws a letterhead, a table and a signature that read back as text', async () => {
    const doc = createPdf({ title: 'Uji Dokumen' });
    drawLetterhead(doc, {
      titleLines: ['KOMISI PEMILIHAN UMUM', 'KOTA BANDUNG'],
      address: 'Jalan Sanggar Kencana Utama No. 11, Kota Bandung',
      contactLine: 'Telp. (022) 7561 441',
    });
    doc.font('bold').fontSize(12).text('TANDA BUKTI PENERIMAAN', { align: 'center' });
    drawTable(
      doc,
      [
        { header: 'No', width: 1 },
        { header: 'Uraian', width: 6 },
        { header: 'Biaya', width: 3, align: 'right' },
      ],
      [
        ['1', 'Salinan dokumen rekapitulasi hasil penghitungan suara', 'Rp12.000'],
        ['2', 'Pengiriman melalui pos', 'Rp25.000'],
      ],
    );
    drawSignature(doc, {
      placeAndDate: 'Bandung, 21 November 2026',
      title: 'PPID KPU Kota Bandung',
      name: 'Rina Kusumawati',
      idLine: 'NIP 198001012005012001',
    });
    numberPages(doc, (p, n) => `Halaman ${p} dari ${n}`);
    const bytes = await pdfToBuffer(doc);
    const text = await pdfText(bytes);
    for (const expected of [
      'KOMISI PEMILIHAN UMUM',
      'KOTA BANDUNG',
      'TANDA BUKTI PENERIMAAN',
      'Uraian',
      'Pengiriman melalui pos',
      'Rp25.000',
      'Bandung, 21 November 2026',
      'Rina Kusumawati',
      'Halaman 1 dari 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect((await pdfInfo(bytes)).title).toBe('Uji Dokumen');
  }, 30_000); // two poppler processes: 5.3–5.5 s on the shared machine at load 25–29

  it('continues a long table on new pages and repeats its header', async () => {
    const doc = createPdf({ title: 'Register', landscape: true });
    const rows = Array.from({ length: 80 }, (_, i) => [String(i + 1), `Permohonan nomor ${i + 1}`]);
    drawTable(
      doc,
      [
        { header: 'No', width: 1 },
        { header: 'Informasi yang diminta', width: 8 },
      ],
      rows,
    );
    const pages = await pdfPages(await pdfToBuffer(doc));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('Informasi yang diminta');
    expect(pages.at(-1)).toContain('Permohonan nomor 80');
  });

  it('prints a name typed in Chinese characters, in a label row and in bold (issue 13 item 12)', async () => {
    const doc = createPdf({ title: 'Tanda Bukti' });
    doc.font('regular').text('Nama pemohon: 王小明 (Wang Xiaoming), Jalan Braga No. 1');
    doc.font('bold').text('陳美玲', { align: 'center' });
    doc.font('regular').text('Kembali ke DejaVu: Rp12.000 ☑');
    const text = await pdfText(await pdfToBuffer(doc));
    expect(text).toContain('王小明');
    expect(text).toContain('Wang Xiaoming');
    expect(text).toContain('陳美玲');
    expect(text).toContain('Rp12.000 ☑');
  }, 30_000); // the first CJK document parses the font

  it('marks every page of a document ended inside drawnAsDraft, and only those (ADR 0115)', async () => {
    const letter = async (pages: number) => {
      const doc = createPdf({ title: 'Uji Draf' });
      for (let i = 0; i < pages; i++) {
        if (i > 0) doc.addPage();
        doc.text(`Isi halaman ${i + 1}`);
        await new Promise((r) => setTimeout(r, 5)); // interleave with the other document
      }
      return pdfToBuffer(doc);
    };
    const [draft, plain] = await Promise.all([drawnAsDraft(() => letter(3)), letter(3)]);
    const draftPages = await pdfPages(draft);
    expect(draftPages).toHaveLength(3);
    for (const [i, p] of draftPages.entries()) {
      expect(p).toBe(`Isi halaman ${i + 1} ${DRAFT_MARK.word} ${DRAFT_MARK.line}`);
    }
    expect(await pdfPages(plain)).toEqual(['Isi halaman 1', 'Isi halaman 2', 'Isi halaman 3']);
  }, 30_000);
});
