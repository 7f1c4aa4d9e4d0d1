// The seed SOPs as structured data, transcribed from ../shared/seeds (000–004) with their
// wording kept, plus an SOP for objections written from UU 14/2008 Pasal 35–38 and Perki
// 1/2021 Pasal 39–41 (regulation.md §4), since the seeds have none. An office adopts a
// template into its register with its own number, dates and approver (adopt-sop-template.ts):
// the seed's own identity below (number, dates, approver) is the record of where a template
// came from and is never copied. `{kantor}` in a text is the adopting office's name; the
// organisation lines are the seed's unit lines only, below the office's own letterhead lines.
// Legal bases are the ones in force (regulation.md: PKPU 22/2023 as amended replaced PKPU
// 1/2015, Perki 1/2021 replaced Perki 1/2010). Where a seed's table lost its "Pelaksana" ticks
// in transcription, the executors are read from the step text.
//
// Transcription notes (kept here, not on the pages): seed 001 step 5 names "website PPID KPU
// Provinsi Banten", a carry-over in the seed, written here as the office's PPID website; the
// scanned seed 004 also reads its number as "Q3 TAHUN 2022"; in Terbuka, seed 003 step 2 is
// the Atasan PPID's approval of an archive item.

export interface SopStepTemplate {
  stepNo: string;
  description: string;
  actors: string[];
  requirement: string | null;
  timeText: string | null;
  output: string | null;
  remark: string | null;
}

export interface SopTemplate {
  key: string;
  slug: string;
  number: string;
  title: string;
  organization: string[];
  madeOn: string | null;
  revisedOn: string | null;
  effectiveOn: string | null;
  approvedOn: string | null;
  approverTitle: string;
  approverName: string | null;
  legalBasis: string[];
  qualifications: string[];
  executorCount: string | null;
  relatedSops: string[];
  equipment: string[];
  warnings: string[];
  records: string[];
  actorColumns: string[];
  /** Shown on the SOP's page and PDF (Indonesian): where the template comes from. */
  sourceNote: string;
  /** Short origin for the template list, e.g. "SOP KPU Provinsi Bengkulu, 2022". */
  origin: string;
  steps: SopStepTemplate[];
}

const step = (
  stepNo: string,
  description: string,
  actors: string[],
  requirement: string | null,
  timeText: string | null,
  output: string | null,
  remark: string | null = null,
): SopStepTemplate => ({ stepNo, description, actors, requirement, timeText, output, remark });

const UU_KIP = 'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik';
const PP_61 =
  'Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik';
const PERKI_2021 = 'Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik';
const KPU_88 =
  'Keputusan KPU Nomor 88/Kpts/KPU/Tahun 2015 tentang SOP Pengelolaan dan Pelayanan Informasi Publik di Lingkungan Komisi Pemilihan Umum';
const PKPU_10_2018 =
  'PKPU Nomor 10 Tahun 2018 tentang Sosialisasi, Pendidikan Pemilih dan Partisipasi Masyarakat dalam Penyelenggaraan Pemilihan Umum';
const PKPU_14_2020 =
  'PKPU Nomor 14 Tahun 2020 tentang Susunan Organisasi dan Tata Kerja Sekretariat Jenderal KPU, KPU Provinsi dan KPU Kabupaten/Kota';
/** In force since 1 November 2023 in place of PKPU 1/2015, amended by PKPU 11/2024 and PKPU 4/2025 (regulation.md §1). */
const PKPU_22_2023 =
  'Peraturan Komisi Pemilihan Umum Nomor 22 Tahun 2023 tentang Pengelolaan dan Pelayanan Informasi Publik di Lingkungan Komisi Pemilihan Umum sebagaimana telah diubah terakhir dengan Peraturan Komisi Pemilihan Umum Nomor 4 Tahun 2025';

/** Seed 000: KPU Provinsi Bengkulu, SOP Penyusunan DIP (2022). */
const PENYUSUNAN_DIP: SopTemplate = {
  key: 'seed-000',
  slug: 'penyusunan-dip',
  number: '/PP.07-SOP/17/2022',
  title: 'Penyusunan Daftar Informasi Publik (DIP)',
  organization: ['BAGIAN TEKNIS PENYELENGGARA PEMILU, PARTISIPASI, HUBUNGAN MASYARAKAT, HUKUM & SDM'],
  madeOn: 'Juni 2022',
  revisedOn: null,
  effectiveOn: null,
  approvedOn: 'Juli 2022',
  approverTitle: 'Sekretaris {kantor}',
  approverName: 'Kemas Mohammad Ajir',
  legalBasis: [UU_KIP, PKPU_10_2018, PKPU_14_2020, KPU_88],
  qualifications: [
    'Memiliki kemampuan mengklasifikasi dan mengategorikan informasi',
    'Mampu berkoordinasi dengan bagian/subbagian lain berdasarkan tupoksi',
    'Mampu mengadministrasikan dokumen dengan baik',
  ],
  executorCount: 'Minimal 2 orang',
  relatedSops: ['SOP Pelayanan Informasi Publik'],
  equipment: [
    'Komputer',
    'Printer',
    'Smartphone',
    'Ruang pelayanan informasi',
    'Meja',
    'Kursi',
    'Rak informasi',
  ],
  warnings: ['Prosedur ini wajib dilaksanakan sesuai alur kegiatan'],
  records: ['Pencatatan dalam matriks kegiatan dan penugasan', 'Laporan (tahunan)'],
  actorColumns: ['Sekretaris', 'Kabag', 'Kasubbag', 'Pelaksana'],
  sourceNote: 'Diadaptasi dari SOP Penyusunan DIP KPU Provinsi Bengkulu Nomor /PP.07-SOP/17/2022.',
  origin: 'SOP KPU Provinsi Bengkulu, 2022',
  steps: [
    step(
      '1',
      'Menugaskan Kabag untuk menyusun daftar informasi publik',
      ['Sekretaris'],
      'Nota Dinas/Disposisi/Arahan',
      '30 menit',
      'Disposisi/Arahan',
    ),
    step(
      '2',
      'Kabag menugaskan Kasubbag untuk melakukan koordinasi dan konsolidasi pengumpulan informasi pembuat dan Daftar Informasi Publik',
      ['Kabag'],
      'Nota Dinas/Disposisi/Arahan',
      '30 menit',
      'Disposisi/Arahan',
    ),
    step(
      '3',
      'Staf pelaksana mengonsep nota dinas surat',
      ['Pelaksana'],
      'Konsep Nota Dinas',
      '1 hari',
      'Draf Nota Dinas',
    ),
    step('4', 'Kasubbag mengoreksi konsep nota dinas', ['Kasubbag'], null, '30 menit', 'Draf Nota Dinas'),
    step(
      '5',
      'Kabag menyetujui hasil revisi dan menyerahkan kepada Sekretaris',
      ['Kabag'],
      'Draf Nota Dinas',
      '30 menit',
      null,
    ),
    step(
      '6',
      'Sekretaris menandatangani dokumen nota dinas',
      ['Sekretaris'],
      'Nota Dinas Revisi',
      null,
      'Nota Dinas selesai',
    ),
    step(
      '7',
      'Nota dinas diserahkan kepada Kabag',
      ['Kabag'],
      null,
      '1 (satu) minggu',
      'DIP dibuat kabag terkait',
    ),
    step(
      '8',
      'Hasil pembuatan DIP dari Kabag diklarifikasi sesuai format DIP oleh pelaksana',
      ['Pelaksana'],
      null,
      '1 bulan',
      'Usulan DIP',
    ),
    step(
      '9',
      'Koreksi oleh Atasan PPID dan disampaikan kepada Tim Pertimbangan untuk disahkan',
      ['Sekretaris'],
      'Usulan DIP',
      null,
      'DIP disetujui dan disahkan',
      'Atasan PPID dan Tim Pertimbangan',
    ),
    step(
      '10',
      'Diusulkan pada Pleno untuk ditetapkan',
      [],
      null,
      '2 hari',
      'DIP disetujui dan ditetapkan',
      'Pleno',
    ),
    step(
      '11',
      'Staf pelaksana mengupdate informasi publik terbaru setelah disahkan',
      ['Pelaksana'],
      'DIP terupdate setahun sekali',
      null,
      'DIP disahkan',
      'Melalui laman website/data tersedia di desk pelayanan',
    ),
  ],
};

/** Seed 001: KPU Kabupaten Bintan, SOP Penetapan dan Pemutakhiran DIP (2023). */
const PENETAPAN_DIP: SopTemplate = {
  key: 'seed-001',
  slug: 'penetapan-pemutakhiran-dip',
  number: '/ORT.06/2101/2023',
  title: 'Penetapan dan Pemutakhiran Daftar Informasi Publik',
  organization: [],
  madeOn: 'Januari 2023',
  revisedOn: null,
  effectiveOn: null,
  approvedOn: 'Januari 2023',
  approverTitle: 'Sekretaris {kantor}',
  approverName: null,
  legalBasis: [UU_KIP, PP_61, PKPU_22_2023, PERKI_2021],
  qualifications: [
    'Minimal Sarjana',
    'Menguasai tata pembukuan',
    'Memiliki pengetahuan mengenai pelayanan prima',
    'Memiliki tata krama',
  ],
  executorCount: null,
  relatedSops: ['SOP Pendokumentasian Informasi Publik'],
  equipment: ['Formulir isian', 'Komputer', 'Pesawat telepon', 'Jaringan internet', 'Alat tulis kantor'],
  warnings: [
    'Bila prosedur ini ada yang terlewati maka pemohon informasi tidak akan terlayani dengan baik',
    'Bila prosedur ini tidak berjalan maka pelayanan prima tidak akan tercapai',
    'Bila prosedur ini tidak berjalan maka citra positif KPU terhadap masyarakat akan menjadi negatif',
  ],
  records: ['Dicatat pada buku rekap informasi'],
  actorColumns: [
    'Penyedia Informasi & Tim Penghubung',
    'Desk Pelayanan Informasi',
    'PPID',
    'Unit Pelayanan Informasi',
  ],
  sourceNote:
    'Diadaptasi dari SOP Penetapan dan Pemutakhiran DIP KPU Kabupaten Bintan Nomor /ORT.06/2101/2023.',
  origin: 'SOP KPU Kabupaten Bintan, 2023',
  steps: [
    step(
      '1',
      'Memberikan informasi yang dibutuhkan kepada PPID',
      ['Penyedia Informasi & Tim Penghubung'],
      'Data dan informasi publik',
      '5 Hari',
      'Daftar Informasi Publik',
    ),
    step(
      '2',
      'Melakukan klasifikasi dan mendokumentasikan informasi publik dalam bentuk softcopy dan hardcopy',
      ['Desk Pelayanan Informasi'],
      'Data dan informasi publik',
      null,
      'Daftar Informasi Publik',
    ),
    step(
      '3',
      'Menetapkan dan memutakhirkan Daftar Informasi Publik',
      ['PPID'],
      'Data dan informasi publik',
      null,
      'Daftar Informasi Publik',
    ),
    step(
      '4',
      'Memerintahkan untuk mengunggah Daftar Informasi Publik',
      ['PPID'],
      'Informasi publik',
      null,
      'Daftar Informasi Publik',
    ),
    step(
      '5',
      'Mengunggah Daftar Informasi Publik ke website PPID',
      ['Unit Pelayanan Informasi'],
      'Informasi publik',
      null,
      'Daftar Informasi Publik',
    ),
  ],
};

/** Seed 002: Komisi Independen Pemilihan, SOP Pelayanan Informasi Publik (2021). */
const PELAYANAN: SopTemplate = {
  key: 'seed-002',
  slug: 'pelayanan-informasi-publik',
  number: '/PP.07-SOP/HM/X/2021',
  title: 'Pelayanan Informasi Publik',
  organization: [
    'DIVISI PARTISIPASI DAN HUBUNGAN MASYARAKAT',
    'SUB BAGIAN PARTISIPASI DAN HUBUNGAN MASYARAKAT',
  ],
  madeOn: 'Oktober 2021',
  revisedOn: null,
  effectiveOn: null,
  approvedOn: 'Oktober 2021',
  approverTitle: 'Kasubbag Partisipasi dan Hubungan Masyarakat {kantor}',
  approverName: 'Zainal Arifin',
  legalBasis: [UU_KIP, PKPU_10_2018, PKPU_14_2020, KPU_88],
  qualifications: [
    'Memiliki kemampuan mengklarifikasi dan mengategorikan informasi',
    'Mampu berkoordinasi dengan sub bagian lain berdasarkan tupoksi',
    'Mampu mengadministrasikan dokumen dengan baik',
  ],
  executorCount: 'Minimal 2 orang',
  relatedSops: ['SOP Penanganan Keberatan terhadap Pelayanan Informasi'],
  equipment: [
    'Ruang pelayanan informasi',
    'Komputer',
    'Meja',
    'Kursi',
    'Rak informasi',
    'Telepon',
    'Faksimili',
    'Printer',
  ],
  warnings: ['Prosedur ini wajib dilaksanakan sesuai alur kegiatan'],
  records: ['Pencatatan dalam matriks kegiatan & penugasan', 'Laporan (harian dan bulanan)'],
  actorColumns: ['Kasubbag', 'Pelaksana'],
  sourceNote:
    'Diadaptasi dari SOP Pelayanan Informasi Publik Komisi Independen Pemilihan Nomor /PP.07-SOP/HM/X/2021.',
  origin: 'SOP Komisi Independen Pemilihan, 2021',
  steps: [
    step(
      '1',
      'Pemohon informasi datang dengan mengisi formulir atau melalui surat, email, telepon',
      ['Pelaksana'],
      'Kartu identitas, akte notaris, dokumen pengesahan badan publik',
      '10 menit',
      'Data pemohon terisi, pemohon memenuhi syarat',
      'Untuk pemohon melalui surat, email, telepon dan faks, formulir diisikan staf',
    ),
    step(
      '2',
      'Staf pelaksana menginformasikan kepada pemohon terkait informasi yang diminta',
      ['Pelaksana'],
      'Data tersedia hardcopy/softcopy',
      '15 menit',
      'Tanda terima',
      'Data bukan termasuk informasi dalam kategori dikecualikan',
    ),
    step(
      '3',
      'Staf pelaksana menginformasikan informasi yang dikecualikan',
      ['Pelaksana'],
      null,
      '5 menit',
      'Pemohon terinfokan',
    ),
    step(
      '4',
      'Jika informasi yang dimohon tidak dapat diberikan langsung, desk pelayanan berkoordinasi dengan Kasubbag (pejabat PPID) & desk pelayanan',
      ['Kasubbag', 'Pelaksana'],
      'Nota dinas/disposisi arahan',
      '10 hari kerja dan dapat diperpanjang 7 hari kerja',
      'Pemberitahuan tertulis',
    ),
    step(
      '5',
      'Pemohon menerima tanda terima/pemberitahuan tertulis apabila informasi bisa diterima atau tidak',
      ['Pelaksana'],
      'Klasifikasi data yang dapat diberikan/tidak',
      '5 menit',
      'Tanda terima data/pemberitahuan tertulis',
      'Diberikan desk informasi (offline), surat/email (online)',
    ),
    step(
      '6',
      'Desk informasi memperbarui register pelayanan informasi apabila telah selesai',
      ['Pelaksana'],
      'Update register pelayanan informasi',
      null,
      null,
    ),
    step(
      '7',
      'Supervisi kegiatan oleh Kasubbag',
      ['Kasubbag'],
      'Data update pelayanan',
      null,
      'Data layanan harian',
    ),
    step('8', 'Pelaporan dari staf ke Kasubbag', ['Pelaksana'], 'Data update', '1 bulan', 'Laporan bulanan'),
  ],
};

/** Seed 003: KPU Provinsi Kalimantan Tengah, SOP Pendokumentasian Informasi Publik (2024). */
const PENDOKUMENTASIAN: SopTemplate = {
  key: 'seed-003',
  slug: 'pendokumentasian-informasi-publik',
  number: '08 TAHUN 2024',
  title: 'Pendokumentasian Informasi Publik',
  organization: [],
  madeOn: '12 Maret 2024',
  revisedOn: null,
  effectiveOn: '2024',
  approvedOn: null,
  approverTitle: 'Sekretaris {kantor}',
  approverName: "Aref Suja'i",
  legalBasis: [
    'Undang-Undang No. 14 Tahun 2008 tentang Keterbukaan Informasi Publik',
    'Undang-Undang No. 25 Tahun 2009 tentang Pelayanan Publik',
    'PP No. 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik',
    'Permendagri Nomor 3 Tahun 2017 tentang Pedoman Pengelolaan Pelayanan Informasi dan Dokumentasi Kementerian Dalam Negeri dan Pemerintahan Daerah',
    'Peraturan Menteri Komunikasi dan Informatika Nomor 8 Tahun 2019 tentang Penyelenggaraan Urusan Pemerintah Konkuren Bidang Komunikasi dan Informatika',
    'Peraturan Komisi Informasi Pusat No. 1 Tahun 2013 tentang Pengklasifikasian Informasi Publik',
    'Peraturan Komisi Informasi Pusat No. 1 Tahun 2021 tentang Standar Layanan Informasi Publik',
  ],
  qualifications: [
    'Menguasai tata pembukuan',
    'Memiliki pengetahuan mengenai pelayanan prima',
    'Memahami dan dapat menguasai teknologi informasi',
  ],
  executorCount: null,
  relatedSops: ['Dengan masyarakat yang membutuhkan informasi dari pemerintah'],
  equipment: ['Formulir isian', 'Komputer', 'Pesawat telepon', 'Jaringan internet', 'ATK'],
  warnings: [
    'Bila prosedur ini ada yang terlewati maka pemohon informasi tidak akan terlayani dengan baik',
    'Bila prosedur ini tidak berjalan maka pelayanan prima tidak akan tercapai',
    'Bila prosedur ini tidak berjalan maka citra positif KPU terhadap masyarakat menjadi negatif',
  ],
  records: ['Dicatat pada buku rekap informasi'],
  actorColumns: ['Petugas PPID', 'Atasan PPID'],
  sourceNote:
    'Diadaptasi dari SOP Pendokumentasian Informasi Publik KPU Provinsi Kalimantan Tengah Nomor 08 Tahun 2024.',
  origin: 'SOP KPU Provinsi Kalimantan Tengah, 2024',
  steps: [
    step(
      '1',
      'Mengumpulkan informasi dan dokumentasi publik yang dikuasai oleh PPID Pembantu. Untuk membantu, dapat digunakan form daftar informasi publik dan dokumentasi publik serta panduan pengisiannya',
      ['Petugas PPID'],
      'Formulir daftar informasi publik',
      'Pada hari dan jam kerja',
      'Daftar Informasi Publik',
    ),
    step(
      '2',
      'Menyetujui dan mengesahkan seluruh informasi dan dokumentasi publik yang sudah didaftar',
      ['Atasan PPID'],
      'Formulir daftar informasi publik',
      'Pada hari dan jam kerja',
      'Daftar Informasi Publik',
    ),
    step(
      '3',
      'Mendokumentasikan informasi dan dokumentasi publik yang telah mendapatkan pengesahan',
      ['Petugas PPID'],
      'Formulir daftar informasi publik',
      'Pada hari dan jam kerja',
      'Daftar Informasi Publik',
    ),
  ],
};

/** Seed 004: KPU Kabupaten Bengkulu Tengah, SOP Informasi yang Dikecualikan (2022). */
const DIKECUALIKAN: SopTemplate = {
  key: 'seed-004',
  slug: 'informasi-yang-dikecualikan',
  number: '02 TAHUN 2022',
  title: 'Informasi yang Dikecualikan',
  organization: [],
  madeOn: '5 Januari 2022',
  revisedOn: null,
  effectiveOn: '5 Januari 2022',
  approvedOn: '5 Januari 2022',
  approverTitle: 'Sekretaris {kantor}',
  approverName: null,
  legalBasis: [
    'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik',
    'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik',
    'Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum',
    'Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008',
    PERKI_2021,
    PKPU_22_2023,
    'Keputusan Komisi Pemilihan Umum Nomor 88/Kpts/KPU/Tahun 2015 tentang Standar Operasional Prosedur Pengelolaan dan Pelayanan Informasi Publik di Lingkungan Komisi Pemilihan Umum',
    'Keputusan Komisi Pemilihan Umum Nomor 156/Kpts/KPU/Tahun 2015 tentang Bentuk dan Format Formulir dalam Pengelolaan dan Pelayanan Informasi di Lingkungan Komisi Pemilihan Umum',
    'Keputusan Komisi Pemilihan Umum Nomor 441/Kpts/Setjen/Tahun 2016 tentang Pedoman Penyediaan Data dan Informasi dalam Pengelolaan dan Pelayanan Informasi di Lingkungan Komisi Pemilihan Umum',
  ],
  qualifications: [
    'Mampu mengoperasikan peralatan komputer dengan baik',
    'Mampu berkoordinasi dengan efektif dan efisien',
    'Menguasai tata kelola pemerintahan yang baik',
    'Memiliki kemampuan kerja sama dalam tim',
  ],
  executorCount: null,
  relatedSops: [],
  equipment: [
    'Buku tamu, formulir permohonan',
    'Perangkat komputer, printer, scanner',
    'ATK',
    'Jaringan internet',
  ],
  warnings: [
    'SOP ini dapat dilakukan review atau evaluasi secara rutin dan berkala, paling sedikit 2 (dua) kali dalam setahun',
    'Untuk mengantisipasi keadaan kahar, perubahan/revisi dapat dilakukan sepanjang pelaksanaan SOP ini',
    'Perubahan terhadap ruang lingkup dan penanggung jawab kegiatan mengakibatkan SOP ini batal seluruhnya',
  ],
  records: ['Disimpan dalam bentuk naskah asli (hardcopy) dan naskah asli elektronik (softcopy)'],
  actorColumns: ['Desk Pelayanan', 'Pembina PPID, Tim Pertimbangan, Atasan PPID'],
  sourceNote:
    'Diadaptasi dari SOP Informasi yang Dikecualikan KPU Kabupaten Bengkulu Tengah Nomor 02 Tahun 2022.',
  origin: 'SOP KPU Kabupaten Bengkulu Tengah, 2022',
  steps: [
    step(
      '1',
      'Mengumpulkan informasi dan dokumentasi yang sudah ditetapkan sebagai informasi yang dikecualikan di lingkungan {kantor}',
      ['Desk Pelayanan'],
      'Form daftar informasi yang dikecualikan',
      'tentatif',
      'Daftar informasi yang dikecualikan',
      'Mulai',
    ),
    step(
      '2',
      'PPID mengklasifikasikan informasi yang dikecualikan berdasarkan jenis dokumen dan mengajukan permohonan persetujuan kepada Pembina PPID, Tim Pertimbangan, dan Atasan PPID',
      ['Pembina PPID, Tim Pertimbangan, Atasan PPID'],
      'Daftar informasi yang dikecualikan',
      'tentatif',
      'Daftar informasi yang dikecualikan',
    ),
    step(
      '3',
      'Mengelola dan menyimpan dokumen informasi yang dikecualikan dalam bentuk softcopy dan tempat penyimpanan dokumen dalam bentuk hardcopy dengan tata cara seperti mengarsipkan dokumen',
      ['Desk Pelayanan'],
      'ATK, komputer',
      'tentatif',
      'Dokumentasi informasi yang dikecualikan',
    ),
    step(
      '4',
      'Mengunggah Keputusan KPU RI tentang Daftar Informasi yang Dikecualikan ke website resmi dan sarana informasi lainnya setelah mendapatkan persetujuan/penetapan dari KPU RI',
      ['Desk Pelayanan'],
      'Website dan sarana informasi lainnya',
      null,
      'Keputusan KPU RI tentang Daftar Informasi yang Dikecualikan',
      'Selesai',
    ),
  ],
};

/** Not among the seeds: objections (keberatan), from UU 14/2008 Pasal 35–38 and Perki 1/2021 Pasal 39–41. */
const KEBERATAN: SopTemplate = {
  key: 'keberatan',
  slug: 'penanganan-keberatan',
  number: '—',
  title: 'Penanganan Keberatan atas Pelayanan Informasi Publik',
  organization: [],
  madeOn: null,
  revisedOn: null,
  effectiveOn: null,
  approvedOn: null,
  approverTitle: 'Sekretaris {kantor}',
  approverName: null,
  legalBasis: [
    UU_KIP,
    PP_61,
    PERKI_2021,
    'Peraturan Komisi Informasi Nomor 1 Tahun 2013 tentang Prosedur Penyelesaian Sengketa Informasi Publik',
    KPU_88,
  ],
  qualifications: [
    'Memahami Undang-Undang Nomor 14 Tahun 2008 dan Peraturan Komisi Informasi',
    'Mampu mengadministrasikan dokumen dengan baik',
  ],
  executorCount: 'Minimal 2 orang',
  relatedSops: ['SOP Pelayanan Informasi Publik', 'SOP Informasi yang Dikecualikan'],
  equipment: [
    'Formulir keberatan (Model PPID-F)',
    'Register keberatan (Model PPID-G)',
    'Komputer',
    'Printer',
    'Jaringan internet',
  ],
  warnings: [
    'Keberatan diajukan paling lambat 30 hari kerja setelah ditemukannya alasan keberatan (UU 14/2008 Pasal 36 ayat 1)',
    'Atasan PPID wajib memberikan tanggapan tertulis paling lambat 30 hari kerja sejak keberatan diterima (UU 14/2008 Pasal 36 ayat 2)',
  ],
  records: ['Register keberatan (Model PPID-G)', 'Salinan formulir keberatan bernomor'],
  actorColumns: ['Pemohon', 'Petugas Layanan', 'PPID', 'Atasan PPID'],
  sourceNote:
    'Disusun dari UU Nomor 14 Tahun 2008 Pasal 35–38 dan Peraturan Komisi Informasi Nomor 1 Tahun 2021 Pasal 39–41.',
  origin: 'disusun dari UU 14/2008 dan Perki 1/2021',
  steps: [
    step(
      '1',
      'Pemohon mengajukan keberatan secara tertulis (langsung, surat atau email) dengan salah satu alasan Pasal 35 ayat (1) UU 14/2008',
      ['Pemohon'],
      'Formulir keberatan (Model PPID-F), identitas, surat kuasa bila dikuasakan',
      '30 hari kerja',
      'Formulir keberatan terisi',
      'Sejak alasan keberatan ditemukan',
    ),
    step(
      '2',
      'Petugas layanan memeriksa kelengkapan, memberi nomor registrasi keberatan dan menyerahkan salinan formulir sebagai tanda terima',
      ['Petugas Layanan'],
      'Formulir keberatan',
      '1 hari',
      'Nomor registrasi keberatan, tanda terima',
    ),
    step(
      '3',
      'Petugas layanan mencatat keberatan dalam register keberatan',
      ['Petugas Layanan'],
      'Register keberatan (Model PPID-G)',
      '1 hari',
      'Register keberatan terbarui',
    ),
    step(
      '4',
      'PPID menyampaikan keberatan beserta berkas permohonan kepada Atasan PPID',
      ['PPID'],
      'Berkas permohonan dan keberatan',
      '2 hari',
      'Nota dinas',
    ),
    step(
      '5',
      'Atasan PPID memeriksa dan memutuskan keberatan; bila menguatkan keputusan PPID, disertai alasan tertulis',
      ['Atasan PPID'],
      'Berkas keberatan',
      '30 hari kerja',
      'Tanggapan tertulis Atasan PPID',
      'Sejak keberatan diterima',
    ),
    step(
      '6',
      'Petugas layanan menyampaikan tanggapan kepada pemohon dan mencatat tanggapan pemohon dalam register',
      ['Petugas Layanan'],
      'Tanggapan Atasan PPID',
      '1 hari',
      'Register keberatan terbarui',
      'Pemohon dapat mengajukan sengketa ke Komisi Informasi dalam 14 hari kerja',
    ),
  ],
};

export const SOP_TEMPLATES: readonly SopTemplate[] = [
  PENYUSUNAN_DIP,
  PENETAPAN_DIP,
  PELAYANAN,
  PENDOKUMENTASIAN,
  DIKECUALIKAN,
  KEBERATAN,
];

export function findSopTemplate(key: string): SopTemplate | undefined {
  return SOP_TEMPLATES.find((t) => t.key === key);
}
