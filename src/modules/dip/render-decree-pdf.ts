import { formatDate } from '../../platform/i18n.ts';
import {
  createPdf,
  drawLetterhead,
  drawSignature,
  numberPages,
  pdfToBuffer,
  type Pdf,
} from '../../platform/pdf/pdf.ts';
import type { DipDocument } from './dip-document.ts';
import { drawDipTables } from './render-dip-pdf.ts';

// The Keputusan penetapan DIP (regulation.md §9; seed 000 step 10, seed 001 step 3): the
// decree with its number and date that sets the year's DIP, with the DIP as its annex.
// Considerations cite UU 14/2008 Pasal 11(1) huruf a (the DIP is information available at
// any time) and the instruments of regulation.md §0.

const MENGINGAT = [
  'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;',
  'Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;',
  'Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik;',
  'Peraturan Komisi Pemilihan Umum Nomor 22 Tahun 2023 tentang Pengelolaan dan Pelayanan Informasi Publik di Lingkungan Komisi Pemilihan Umum sebagaimana telah diubah terakhir dengan Peraturan Komisi Pemilihan Umum Nomor 4 Tahun 2025;',
];

function labelled(pdf: Pdf, label: string, items: string[], numbering: (i: number) => string): void {
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const labelWidth = 80;
  const y = pdf.y;
  pdf.font('regular').fontSize(10.5).text(label, left, y, { width: labelWidth });
  pdf.text(':', left + labelWidth, y, { width: 10 });
  pdf.y = y;
  items.forEach((item, i) => {
    const n = numbering(i);
    const top = pdf.y;
    pdf.text(n, left + labelWidth + 12, top, { width: 18 });
    pdf.text(item, left + labelWidth + 30, top, { width: width - labelWidth - 30, align: 'justify' });
    pdf.moveDown(0.2);
  });
  pdf.x = left;
  pdf.moveDown(0.4);
}

export async function renderDecreePdf(doc: DipDocument): Promise<Buffer> {
  if (!doc.decree) throw new Error('The DIP has no decree yet');
  const { decree, office } = doc;
  const officeUpper = office.name.toUpperCase();
  const pdf = createPdf({
    title: `Keputusan ${decree.number} tentang Penetapan Daftar Informasi Publik Tahun ${doc.year}`,
    size: 'F4',
  });
  drawLetterhead(pdf, doc.letterhead);
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const center = (text: string, font = 'bold', size = 11) =>
    pdf.font(font).fontSize(size).text(text, pdf.page.margins.left, pdf.y, { width, align: 'center' });
  center(`KEPUTUSAN ${decree.signerTitle.toUpperCase()}`);
  center(`NOMOR ${decree.number}`);
  pdf.moveDown(0.5);
  center('TENTANG');
  pdf.moveDown(0.5);
  center(`PENETAPAN DAFTAR INFORMASI PUBLIK DI LINGKUNGAN ${officeUpper} TAHUN ${doc.year}`);
  pdf.moveDown(1);
  center(`${decree.signerTitle.toUpperCase()},`, 'regular', 10.5);
  pdf.moveDown(1);
  labelled(
    pdf,
    'Menimbang',
    [
      'bahwa berdasarkan Pasal 11 ayat (1) huruf a Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik, badan publik wajib menyediakan setiap saat daftar seluruh informasi publik yang berada di bawah penguasaannya, tidak termasuk informasi yang dikecualikan;',
      `bahwa Daftar Informasi Publik ${office.name} Tahun ${doc.year} telah disusun sesuai standar operasional prosedur penyusunan dan penetapan Daftar Informasi Publik;`,
      `bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan tentang Penetapan Daftar Informasi Publik di Lingkungan ${office.name} Tahun ${doc.year};`,
    ],
    (i) => `${String.fromCharCode(97 + i)}.`,
  );
  labelled(pdf, 'Mengingat', MENGINGAT, (i) => `${i + 1}.`);
  center('MEMUTUSKAN:');
  pdf.moveDown(0.5);
  labelled(
    pdf,
    'Menetapkan',
    [
      `KEPUTUSAN ${decree.signerTitle.toUpperCase()} TENTANG PENETAPAN DAFTAR INFORMASI PUBLIK DI LINGKUNGAN ${officeUpper} TAHUN ${doc.year}.`,
    ],
    () => '',
  );
  labelled(
    pdf,
    'KESATU',
    [
      `Menetapkan Daftar Informasi Publik di Lingkungan ${office.name} Tahun ${doc.year} sebanyak ${doc.entries.length} informasi sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.`,
    ],
    () => '',
  );
  labelled(
    pdf,
    'KEDUA',
    [
      'Daftar Informasi Publik sebagaimana dimaksud dalam Diktum KESATU diumumkan melalui laman PPID dan tersedia di desk layanan informasi, serta dimutakhirkan paling sedikit 1 (satu) kali dalam setahun.',
    ],
    () => '',
  );
  labelled(pdf, 'KETIGA', ['Keputusan ini mulai berlaku pada tanggal ditetapkan.'], () => '');
  drawSignature(pdf, {
    placeAndDate: `Ditetapkan di ${doc.city}\npada tanggal ${formatDate(decree.date, 'id')}`,
    title: `${decree.signerTitle},`,
    name: decree.signerName,
  });
  pdf.addPage({
    layout: 'landscape',
    size: [609.45, 935.43],
    margins: { top: 50, bottom: 50, left: 56, right: 56 },
  });
  pdf
    .font('regular')
    .fontSize(9)
    .text(
      `LAMPIRAN KEPUTUSAN ${decree.signerTitle.toUpperCase()}\nNOMOR ${decree.number}\nTANGGAL ${formatDate(decree.date, 'id').toUpperCase()}`,
      { align: 'left' },
    );
  pdf.moveDown(1);
  drawDipTables(pdf, doc);
  drawSignature(pdf, {
    placeAndDate: `${doc.city}, ${formatDate(decree.date, 'id')}`,
    title: `${decree.signerTitle},`,
    name: decree.signerName,
  });
  numberPages(pdf, (p, n) => `Keputusan Nomor ${decree.number} — Halaman ${p} dari ${n}`);
  return pdfToBuffer(pdf);
}
