import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../../tests/helpers/pdf-text.ts';
import { pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import type { IssuedBy } from '../schema.ts';
import { labelledRows, placeAndDate, startLetter, twoSignatures } from './letter-kit.ts';

const issuedBy: IssuedBy = {
  officeName: 'KPU Kota Bandung',
  letterheadLines: ['KOMISI PEMILIHAN UMUM', 'KOTA BANDUNG'],
  address: 'Jalan Sanggar Kencana Utama No. 11, Kota Bandung',
  contactLine: null,
  logoFileId: null,
  city: 'Bandung',
  timeZone: 'Asia/Jakarta',
};

describe('a letter with a name typed in Chinese characters (issue 13 item 12)', () => {
  it('prints the name as typed in the rows and under the signature, parsed back', async () => {
    const doc = startLetter(issuedBy, null, 'TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK');
    labelledRows(doc, [
      ['Nama pemohon', '林志明 (Lim Tjie Beng)'],
      ['Nama kuasa', '黃淑芬'],
      ['Alamat', 'Jalan Braga No. 1, Kota Bandung'],
    ]);
    twoSignatures(
      doc,
      placeAndDate(issuedBy, new Date('2026-11-18T02:00:00Z')),
      { title: 'Pemohon,', name: '林志明' },
      { title: 'Petugas Layanan Informasi,', name: 'Siti Nurhaliza' },
    );
    const text = (await pdfText(await pdfToBuffer(doc))).replace(/\s+/g, ' ');
    for (const s of [
      '林志明 (Lim Tjie Beng)',
      '黃淑芬',
      'Jalan Braga No. 1',
      'Bandung, 18 November 2026',
      'Siti Nurhaliza',
    ])
      expect(text, s).toContain(s);
    expect(text.match(/林志明/g)).toHaveLength(2);
  }, 30_000); // the first CJK letter parses the font
});
