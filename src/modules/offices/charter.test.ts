import { describe, expect, it } from 'vitest';
import { composeCharter, type CharterFacts } from './charter.ts';
import { readOfficeSettings } from './office-settings.ts';
import { typesAFigure } from './update-service-charter.ts';

// The Maklumat Pelayanan's figures come from the office's settings and modules/law (ADR 0092):
// each row sets something and names a line the charter must (or must not) print.

function facts(stored: unknown, extra: Partial<CharterFacts> = {}): CharterFacts {
  return {
    office: { name: 'KPU Kota Bandung', timezone: 'Asia/Jakarta' },
    settings: readOfficeSettings(stored),
    electionPeriod: null,
    commissionName: 'Komisi Informasi Provinsi Jawa Barat',
    city: 'Bandung',
    atasanPosition: 'Sekretaris KPU Kota Bandung',
    atasan: null,
    ...extra,
  };
}

const all = (f: CharterFacts) => {
  const c = composeCharter(f);
  return [c.serviceHours, ...c.times, ...c.fees, ...c.objections].map((l) => l.id).join('\n');
};

describe('the Maklumat Pelayanan drawn from the settings', () => {
  it.each([
    {
      name: 'the law’s periods are cited with their article',
      stored: {},
      has: [
        'paling lambat 10 hari kerja, UU No. 14 Tahun 2008 Pasal 22 ayat (7)',
        'paling lama 7 hari kerja, UU No. 14 Tahun 2008 Pasal 22 ayat (8)',
        'paling lambat 30 hari kerja, UU No. 14 Tahun 2008 Pasal 36 ayat (2)',
        'Komisi Informasi Provinsi Jawa Barat paling lambat 14 hari kerja, UU No. 14 Tahun 2008 Pasal 37 ayat (2)',
        'Rp500 per halaman',
        'Salinan elektronik (softcopy) tidak dipungut biaya.',
        'Cara pembayaran: Tunai di meja layanan',
        'dihitung sejak permohonan lengkap',
        'setelah pukul 16:00 WIB',
        'pukul 07:30–16:00 WIB',
      ],
      hasNot: ['tahapan pemilu'],
    },
    {
      name: 'a faster office is never given the law’s article for its own figure',
      stored: { requests: { standardDays: 5, standardExtensionDays: 3 } },
      has: [
        'paling lambat 5 hari kerja, standar layanan kantor (batas UU No. 14 Tahun 2008 Pasal 22 ayat (7): 10 hari kerja)',
        'paling lama 3 hari kerja, standar layanan kantor (batas UU No. 14 Tahun 2008 Pasal 22 ayat (8): 7 hari kerja)',
      ],
      hasNot: ['paling lambat 10 hari kerja'],
    },
    {
      name: 'a stored period above the ceiling is read at the law’s figure',
      stored: { requests: { standardDays: 60 } },
      has: ['paling lambat 10 hari kerja, UU No. 14 Tahun 2008 Pasal 22 ayat (7)'],
      hasNot: ['60 hari'],
    },
    {
      name: 'the election profile of the office adds the fast track and its objection answer',
      stored: { requests: { electionProfileEnabled: true }, objections: { electionAnswerDays: 2 } },
      has: [
        'Informasi tahapan pemilu dan pemilihan: pemberitahuan tertulis paling lambat 3 hari kerja, Perki No. 1 Tahun 2019 Pasal 12, dapat diperpanjang 2 hari kerja',
        'atas informasi tahapan pemilu paling lambat 2 hari kerja, standar layanan kantor',
      ],
      hasNot: [' selama '],
    },
    {
      name: 'free copies print no payment method; the clock kept from the first receipt',
      stored: { requests: { copyFeePerPage: 0, restartClockOnCompletion: false, completionDays: 5 } },
      has: [
        'Salinan cetak tidak dipungut biaya.',
        'dalam 5 hari kerja sejak diberi tahu; jangka waktu pemberitahuan tetap dihitung sejak permohonan pertama diterima',
      ],
      hasNot: ['Cara pembayaran', 'Rp'],
    },
    {
      name: 'paid softcopies print the payment method; typed service hours are used as typed',
      stored: {
        requests: {
          copyFeePerPage: 0,
          softcopyFree: false,
          paymentInstructions: 'Transfer ke rekening BPP.',
        },
        publicContact: { serviceHours: 'Senin–Kamis 08.00–15.00, Jumat 08.00–11.00' },
        cutoff: '15:00',
      },
      has: [
        'dikenai biaya nyata media penyimpanannya',
        'Cara pembayaran: Transfer ke rekening BPP.',
        'Senin–Kamis 08.00–15.00, Jumat 08.00–11.00',
        'setelah pukul 15:00 WIB',
      ],
      hasNot: ['pukul 07:30'],
    },
  ])('$name', ({ stored, has, hasNot }) => {
    const text = all(facts(stored));
    for (const s of has) expect(text).toContain(s);
    for (const s of hasNot) expect(text).not.toContain(s);
  });

  it('promises the election fast track during a national election period, with its dates', () => {
    const text = all(
      facts({}, { electionPeriod: { name: 'Pilkada 2026', startsOn: '2026-09-01', endsOn: '2026-12-31' } }),
    );
    expect(text).toContain(
      'Informasi tahapan pemilu dan pemilihan selama Pilkada 2026 (1 September 2026 – 31 Desember 2026)',
    );
  });

  it('is signed by the Atasan PPID, dated only once it was set', () => {
    const never = composeCharter(facts({}));
    expect(never.signer).toEqual({
      placeAndDate: 'Bandung',
      position: 'Sekretaris KPU Kota Bandung',
      name: null,
      nip: null,
    });
    const set = composeCharter(
      facts({ charter: { adoptedOn: '2026-12-04' } }, { atasan: { name: 'Dadang Suryana', nip: '1975' } }),
    );
    expect(set.signer).toEqual({
      placeAndDate: 'Bandung, 4 Desember 2026',
      position: 'Sekretaris KPU Kota Bandung',
      name: 'Dadang Suryana',
      nip: '1975',
    });
  });

  it.each([
    ['PPID menjawab dalam 10 hari kerja.', true],
    ['dalam 10 (sepuluh) hari kerja', true],
    ['paling lama 2 minggu', true],
    ['biaya Rp 5.000', true],
    ['biaya Rp.500', true],
    ['Undang-Undang Nomor 14 Tahun 2008', false],
    ['setiap hari kerja pukul 08.00', false],
    ['Model PPID-B rangkap 2', false],
  ])('"%s" types a figure that belongs to the settings: %s', (text, expected) => {
    expect(typesAFigure(text)).toBe(expected);
  });
});
