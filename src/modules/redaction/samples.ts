import { pdfKit } from '../../platform/pdf/pdf.ts';
import { newWorkbook } from '../../platform/xlsx.ts';
import { loadMupdf } from './pdf-engine.ts';

// Sample files for the redaction tests, the demo and the benchmark: a list of people with
// NIKs and contact details, carrying every kind of hidden data a real office PDF may carry.

export const SAMPLE_PEOPLE = [
  { name: 'Siti Aminah', nik: '3273015203850001', phone: '081234567890', email: 'siti.aminah@example.com' },
  { name: 'Budi Santoso', nik: '3273011708790002', phone: '081398765432', email: 'budi.santoso@example.com' },
  { name: 'Dewi Lestari', nik: '3204054611920003', phone: '085711223344', email: 'dewi.lestari@example.com' },
];

/** A white PNG with a red block, standing in for a scanned page (pixels, no text). */
export async function scanPng(width = 400, height = 200): Promise<Buffer> {
  const mupdf = await loadMupdf();
  const pix = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, width, height], false);
  pix.clear(255);
  const px = pix.getPixels();
  const stride = pix.getStride();
  for (let y = 50; y < 150; y++) {
    for (let x = 100; x < 300; x++) {
      px[y * stride + x * 3] = 255;
      px[y * stride + x * 3 + 1] = 0;
      px[y * stride + x * 3 + 2] = 0;
    }
  }
  const png = Buffer.from(pix.asPNG());
  pix.destroy();
  return png;
}

export interface SamplePdfOptions {
  pages?: number;
  /** Adds a form field, a note, an embedded file and a scanned image. */
  hidden?: boolean;
}

export async function samplePeoplePdf(opts: SamplePdfOptions = {}): Promise<Buffer> {
  const scan = opts.hidden ? await scanPng() : undefined;
  const doc = new (pdfKit())({
    size: 'A4',
    margin: 56,
    info: {
      Title: 'Daftar Penerima Rahasia',
      Author: 'Operator Rahasia',
      Subject: 'internal',
      Keywords: 'nik, rahasia',
      Creator: 'Kantor',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const pages = opts.pages ?? 1;
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage();
    doc.fontSize(14).text(`Daftar Petugas KPPS — halaman ${p + 1}`, 56, 56);
    doc.fontSize(11);
    SAMPLE_PEOPLE.forEach((person, i) => {
      doc.text(
        `${i + 1}. ${person.name}, NIK ${person.nik}, HP ${person.phone}, ${person.email}`,
        56,
        100 + i * 24,
      );
    });
    doc.text('Jadwal rapat pleno: Senin pukul 09.00 di aula kantor.', 56, 200);
    doc.rect(56, 240, 120, 40).fill('#1d4ed8');
    doc.fillColor('black');
  }
  if (scan) {
    doc.image(scan, 56, 320, { width: 200, height: 100 });
    doc.note(300, 320, 20, 20, 'Catatan: alamat rumah Jl. Rahasia 7');
    doc.file(Buffer.from('nama,nik\nSiti Aminah,3273015203850001\n'), {
      name: 'lampiran.csv',
      type: 'text/csv',
    });
    doc.initForm();
    doc.formText('catatan', 300, 360, 200, 20, { value: 'isian rahasia formulir' });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A workbook with every kind of hidden data: the test is that none of it is released. */
export async function workbookWithHiddenNiks(): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Operator Rahasia';
  wb.lastModifiedBy = 'Operator Rahasia';
  wb.title = 'Rekap internal';
  const visible = wb.addWorksheet('Rekap');
  visible.addRow(['Kecamatan', 'Jumlah KPPS', 'Catatan internal']);
  visible.addRow(['Coblong', 120, SAMPLE_PEOPLE[0]!.nik]);
  visible.addRow(['Sukajadi', 98, SAMPLE_PEOPLE[1]!.nik]);
  visible.addRow(['Hidden row', 1, 'baris tersembunyi']).hidden = true;
  visible.getColumn(3).hidden = true;
  visible.getCell('B6').value = { formula: 'SUM(Data!B1:B3)', result: 3 };
  visible.getCell('A2').note = 'alamat Jl. Rahasia 7';
  const hidden = wb.addWorksheet('Data', { state: 'hidden' });
  SAMPLE_PEOPLE.forEach((p) => hidden.addRow([p.nik, 1, p.name]));
  const very = wb.addWorksheet('Sangat', { state: 'veryHidden' });
  very.addRow(['sandi', 'rahasia-sekali']);
  wb.definedNames.add("'Data'!$A$1:$A$3", 'DaftarNIK');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
