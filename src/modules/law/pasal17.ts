// UU No. 14 Tahun 2008 Pasal 17: the grounds on which public information may be exempted,
// each with the sub-points the statute itself lists (regulation.md §5.1). The single typed
// table the whole product uses — refusals, consequence tests, the DIK, redaction reasons.
// Grounds b, d, g, i and j have no sub-points in the statute.

export const PASAL17_GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
export type Pasal17Ground = (typeof PASAL17_GROUNDS)[number];

export interface Pasal17GroundSpec {
  /** Short Indonesian title, as used in lists and letters. */
  title: { id: string; en: string };
  /** The statutory sub-points (angka 1, 2, …), in Indonesian, in order. Empty where the statute has none. */
  subPoints: readonly string[];
  /** UU 14/2008 Pasal 54: the maximum prison term for unlawful disclosure, in years. */
  penaltyYears: 2 | 3;
}

export const PASAL17: Record<Pasal17Ground, Pasal17GroundSpec> = {
  a: {
    title: { id: 'menghambat proses penegakan hukum', en: 'obstructs law enforcement' },
    subPoints: [
      'menghambat proses penyelidikan dan penyidikan suatu tindak pidana',
      'mengungkapkan identitas informan, pelapor, saksi, dan/atau korban yang mengetahui adanya tindak pidana',
      'mengungkapkan data intelijen kriminal dan rencana-rencana yang berhubungan dengan pencegahan dan penanganan segala bentuk kejahatan transnasional',
      'membahayakan keselamatan dan kehidupan penegak hukum dan/atau keluarganya',
      'membahayakan keamanan peralatan, sarana, dan/atau prasarana penegak hukum',
    ],
    penaltyYears: 2,
  },
  b: {
    title: {
      id: 'mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan perlindungan dari persaingan usaha tidak sehat',
      en: 'harms intellectual property or fair competition',
    },
    subPoints: [],
    penaltyYears: 2,
  },
  c: {
    title: {
      id: 'membahayakan pertahanan dan keamanan negara',
      en: 'endangers national defence and security',
    },
    subPoints: [
      'informasi tentang strategi, intelijen, operasi, taktik dan teknik yang berkaitan dengan penyelenggaraan sistem pertahanan dan keamanan negara',
      'dokumen yang memuat tentang strategi, intelijen, operasi, teknik dan taktik yang berkaitan dengan penyelenggaraan sistem pertahanan dan keamanan negara',
      'jumlah, komposisi, disposisi, atau dislokasi kekuatan dan kemampuan dalam penyelenggaraan sistem pertahanan dan keamanan negara serta rencana pengembangannya',
      'gambar dan data tentang situasi dan keadaan pangkalan dan/atau instalasi militer',
      'data perkiraan kemampuan militer dan pertahanan negara lain terbatas pada segala tindakan dan/atau indikasi negara tersebut yang dapat membahayakan kedaulatan Negara Kesatuan Republik Indonesia dan/atau data terkait kerjasama militer dengan negara lain yang disepakati dalam perjanjian tersebut sebagai rahasia atau sangat rahasia',
      'sistem persandian negara',
      'sistem intelijen negara',
    ],
    penaltyYears: 3,
  },
  d: {
    title: { id: 'mengungkapkan kekayaan alam Indonesia', en: "reveals Indonesia's natural wealth" },
    subPoints: [],
    penaltyYears: 2,
  },
  e: {
    title: { id: 'merugikan ketahanan ekonomi nasional', en: 'harms national economic resilience' },
    subPoints: [
      'rencana awal pembelian dan penjualan mata uang nasional atau asing, saham dan aset vital milik negara',
      'rencana awal perubahan nilai tukar, suku bunga, dan model operasi institusi keuangan',
      'rencana awal perubahan suku bunga bank, pinjaman pemerintah, perubahan pajak, tarif, atau pendapatan negara/daerah lainnya',
      'rencana awal penjualan atau pembelian tanah atau properti',
      'rencana awal investasi asing',
      'proses dan hasil pengawasan perbankan, asuransi, atau lembaga keuangan lainnya',
      'hal-hal yang berkaitan dengan proses pencetakan uang',
    ],
    penaltyYears: 3,
  },
  f: {
    title: { id: 'merugikan kepentingan hubungan luar negeri', en: 'harms foreign relations' },
    subPoints: [
      'posisi, daya tawar dan strategi yang akan dan telah diambil oleh negara dalam hubungannya dengan negosiasi internasional',
      'korespondensi diplomatik antarnegara',
      'sistem komunikasi dan persandian yang dipergunakan dalam menjalankan hubungan internasional',
      'perlindungan dan pengamanan infrastruktur strategis Indonesia di luar negeri',
    ],
    penaltyYears: 2,
  },
  g: {
    title: {
      id: 'mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang',
      en: 'reveals private authentic deeds or last wills',
    },
    subPoints: [],
    penaltyYears: 2,
  },
  h: {
    title: { id: 'mengungkap rahasia pribadi', en: 'reveals personal secrets' },
    subPoints: [
      'riwayat dan kondisi anggota keluarga',
      'riwayat, kondisi dan perawatan, pengobatan kesehatan fisik, dan psikis seseorang',
      'kondisi keuangan, aset, pendapatan, dan rekening bank seseorang',
      'hasil-hasil evaluasi sehubungan dengan kapabilitas, intelektualitas, dan rekomendasi kemampuan seseorang',
      'catatan yang menyangkut pribadi seseorang yang berkaitan dengan kegiatan satuan pendidikan formal dan satuan pendidikan nonformal',
    ],
    penaltyYears: 2,
  },
  i: {
    title: {
      id: 'memorandum atau surat-surat antar Badan Publik atau intra Badan Publik yang menurut sifatnya dirahasiakan',
      en: 'confidential memoranda or letters between or within public bodies',
    },
    subPoints: [],
    penaltyYears: 2,
  },
  j: {
    title: {
      id: 'informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang',
      en: 'information a statute forbids disclosing',
    },
    subPoints: [],
    penaltyYears: 2,
  },
};

/** Whether `subPoint` (1-based, as "angka N") is one the statute lists for `ground`; null/undefined is valid only where the ground has none or it is optional. */
export function isValidSubPoint(ground: Pasal17Ground, subPoint: number | null | undefined): boolean {
  if (subPoint === null || subPoint === undefined) return true;
  const n = PASAL17[ground].subPoints.length;
  return Number.isInteger(subPoint) && subPoint >= 1 && subPoint <= n;
}

/** The citation in correct Indonesian: "Pasal 17 huruf h angka 2 UU No. 14 Tahun 2008", without doubled words. */
export function citePasal17(ground: Pasal17Ground, subPoint?: number | null): string {
  const angka = subPoint ? ` angka ${subPoint}` : '';
  return `Pasal 17 huruf ${ground}${angka} Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik`;
}
