import type { DipCategory } from '../model.ts';

// A realistic DIP of a KPU Kabupaten/Kota (shaped on the Perki 1/2021 berkala list and the
// UU 14/2008 Pasal 9–11 categories), for the demo office KPU Kota Bandung. `y` is the DIP's
// year; `archive` names demo archive items by key.

export interface DemoEntry {
  key: string;
  category: DipCategory;
  documentTitle: string;
  summary: string;
  unit: 'TEKNIS' | 'HUKUM' | 'DATA' | 'KEUANGAN';
  responsibleOfficial: string;
  timeAndPlace: string;
  formats: ('SOFTCOPY' | 'HARDCOPY')[];
  fileTypes: string[];
  retention: string;
  isElection?: boolean;
  archive?: string[];
}

const SEKRETARIS = 'Sekretaris KPU Kota Bandung';
const KASUBBAG = (s: string) => `Kepala Subbagian ${s}`;
const KOTA = 'Kantor KPU Kota Bandung';

export function demoEntries(y: number, newer: boolean): DemoEntry[] {
  return [
    {
      key: 'profil',
      category: 'BERKALA',
      documentTitle: 'Profil KPU Kota Bandung',
      summary:
        'Kedudukan, tugas dan fungsi, struktur organisasi, profil anggota KPU dan pejabat sekretariat, alamat dan kontak kantor',
      unit: 'DATA',
      responsibleOfficial: SEKRETARIS,
      timeAndPlace: `Diperbarui setiap Januari, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF', 'HTML'],
      retention: 'Permanen',
    },
    {
      key: 'renstra',
      category: 'BERKALA',
      documentTitle: newer
        ? 'Rencana Strategis KPU Kota Bandung 2025–2029'
        : 'Rencana Strategis KPU Kota Bandung 2020–2024',
      summary: 'Visi, misi, tujuan, sasaran strategis, program dan indikator kinerja lima tahunan',
      unit: 'DATA',
      responsibleOfficial: SEKRETARIS,
      timeAndPlace: `Lima tahunan, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: '10 tahun',
      ...(newer ? { archive: ['renstra'] } : {}),
    },
    {
      key: 'rka',
      category: 'BERKALA',
      documentTitle: `Rencana Kerja dan Anggaran Tahun ${y}`,
      summary: 'Rincian program, kegiatan dan anggaran belanja KPU Kota Bandung untuk satu tahun anggaran',
      unit: 'KEUANGAN',
      responsibleOfficial: SEKRETARIS,
      timeAndPlace: `Januari ${y}, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF', 'XLSX'],
      retention: '10 tahun',
    },
    {
      key: 'dipa',
      category: 'BERKALA',
      documentTitle: `Daftar Isian Pelaksanaan Anggaran (DIPA) Tahun ${y}`,
      summary: 'Pagu anggaran per program dan jenis belanja yang disahkan untuk KPU Kota Bandung',
      unit: 'KEUANGAN',
      responsibleOfficial: KASUBBAG('Keuangan, Umum dan Logistik'),
      timeAndPlace: `Januari ${y}, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: '10 tahun',
    },
    {
      key: 'lra',
      category: 'BERKALA',
      documentTitle: `Laporan Realisasi Anggaran Tahun ${y - 1}`,
      summary: 'Realisasi pendapatan dan belanja dibandingkan dengan anggaran, per program dan jenis belanja',
      unit: 'KEUANGAN',
      responsibleOfficial: KASUBBAG('Keuangan, Umum dan Logistik'),
      timeAndPlace: `Februari ${y}, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF', 'XLSX'],
      retention: '10 tahun',
    },
    {
      key: 'lapkeu',
      category: 'BERKALA',
      documentTitle: `Laporan Keuangan Tahun ${y - 1}`,
      summary:
        'Neraca, laporan realisasi anggaran, laporan operasional, laporan perubahan ekuitas dan catatan atas laporan keuangan',
      unit: 'KEUANGAN',
      responsibleOfficial: SEKRETARIS,
      timeAndPlace: `Maret ${y}, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: '10 tahun',
      archive: ['lapkeu'],
    },
    {
      key: 'lkjip',
      category: 'BERKALA',
      documentTitle: `Laporan Kinerja Instansi Pemerintah Tahun ${y - 1}`,
      summary: 'Capaian kinerja atas sasaran strategis dan indikator kinerja utama beserta analisisnya',
      unit: 'DATA',
      responsibleOfficial: SEKRETARIS,
      timeAndPlace: `Februari ${y}, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: '10 tahun',
    },
    {
      key: 'bmn',
      category: 'BERKALA',
      documentTitle: 'Daftar Barang Milik Negara',
      summary: 'Daftar aset tetap dan persediaan yang dikuasai KPU Kota Bandung beserta nilainya',
      unit: 'KEUANGAN',
      responsibleOfficial: KASUBBAG('Keuangan, Umum dan Logistik'),
      timeAndPlace: `Semesteran, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF', 'XLSX'],
      retention: '10 tahun',
    },
    {
      key: 'laplayanan',
      category: 'BERKALA',
      documentTitle: `Laporan Layanan Informasi Publik Tahun ${y - 1}`,
      summary:
        'Jumlah permohonan informasi, waktu pemenuhan, permohonan yang dikabulkan dan ditolak beserta alasannya, serta keberatan',
      unit: 'TEKNIS',
      responsibleOfficial: 'PPID KPU Kota Bandung',
      timeAndPlace: `Paling lambat 31 Maret ${y}, ${KOTA}`,
      formats: ['SOFTCOPY'],
      fileTypes: ['PDF'],
      retention: '5 tahun',
      archive: ['laplayanan'],
    },
    {
      key: 'pengadaan',
      category: 'BERKALA',
      documentTitle: 'Pengumuman pengadaan barang dan jasa',
      summary: 'Rencana umum pengadaan dan pengumuman paket pengadaan barang/jasa melalui SPSE',
      unit: 'KEUANGAN',
      responsibleOfficial: KASUBBAG('Keuangan, Umum dan Logistik'),
      timeAndPlace: 'Sesuai jadwal pengadaan, laman SPSE dan PPID',
      formats: ['SOFTCOPY'],
      fileTypes: ['PDF', 'HTML'],
      retention: '5 tahun',
    },
    {
      key: 'prosedur',
      category: 'BERKALA',
      documentTitle: 'Prosedur permohonan informasi publik dan pengajuan keberatan',
      summary:
        'Tata cara mengajukan permohonan informasi, jangka waktu pemenuhan, biaya, dan tata cara pengajuan keberatan kepada Atasan PPID',
      unit: 'TEKNIS',
      responsibleOfficial: 'PPID KPU Kota Bandung',
      timeAndPlace: `Setiap saat, desk layanan informasi ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: 'Selama berlaku',
    },
    {
      key: 'evakuasi',
      category: 'BERKALA',
      documentTitle: 'Prosedur peringatan dini dan evakuasi keadaan darurat kantor',
      summary:
        'Jalur evakuasi, titik kumpul, petugas dan nomor darurat di lingkungan kantor KPU Kota Bandung',
      unit: 'KEUANGAN',
      responsibleOfficial: KASUBBAG('Keuangan, Umum dan Logistik'),
      timeAndPlace: `Setiap tahun, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: 'Selama berlaku',
    },
    {
      key: 'peraturan',
      category: 'BERKALA',
      documentTitle: 'Peraturan dan keputusan yang mengikat publik',
      summary:
        'Keputusan KPU Kota Bandung yang mengikat dan berdampak bagi publik, termasuk rancangan yang sedang disusun',
      unit: 'HUKUM',
      responsibleOfficial: KASUBBAG('Hukum dan Sumber Daya Manusia'),
      timeAndPlace: `Setiap ditetapkan, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: 'Permanen',
    },
    ...(newer
      ? ([
          {
            key: 'tahapan',
            category: 'BERKALA',
            documentTitle: 'Jadwal dan tahapan Pemilihan Wali Kota dan Wakil Wali Kota Bandung',
            summary:
              'Program, tahapan dan jadwal pemilihan, hak dan kewajiban peserta, serta cara masyarakat berpartisipasi',
            unit: 'TEKNIS',
            responsibleOfficial: KASUBBAG(
              'Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat',
            ),
            timeAndPlace: 'Selama tahapan, laman KPU Kota Bandung',
            formats: ['SOFTCOPY'],
            fileTypes: ['PDF'],
            retention: '5 tahun',
            isElection: true,
          },
          {
            key: 'rekap',
            category: 'BERKALA',
            documentTitle: 'Hasil rekapitulasi penghitungan suara Pemilihan Wali Kota Bandung 2024',
            summary: 'Berita acara dan sertifikat rekapitulasi hasil penghitungan suara di tingkat kota',
            unit: 'TEKNIS',
            responsibleOfficial: KASUBBAG(
              'Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat',
            ),
            timeAndPlace: 'Desember 2024, Kantor KPU Kota Bandung',
            formats: ['SOFTCOPY', 'HARDCOPY'],
            fileTypes: ['PDF'],
            retention: 'Permanen',
            isElection: true,
          },
          {
            key: 'tps',
            category: 'SERTA_MERTA',
            documentTitle: 'Perubahan lokasi TPS atau jadwal pemungutan suara karena keadaan kahar',
            summary:
              'Pengumuman segera tentang pemindahan TPS, pemungutan suara lanjutan atau susulan yang memengaruhi hak memilih',
            unit: 'TEKNIS',
            responsibleOfficial: 'Ketua KPU Kota Bandung',
            timeAndPlace: 'Segera saat terjadi, laman dan media sosial KPU Kota Bandung',
            formats: ['SOFTCOPY', 'HARDCOPY'],
            fileTypes: ['PDF', 'JPG'],
            retention: '5 tahun',
            isElection: true,
          },
          {
            key: 'dpt',
            category: 'SETIAP_SAAT',
            documentTitle: 'Rekapitulasi Daftar Pemilih Tetap per kecamatan Pemilihan 2024',
            summary:
              'Jumlah pemilih tetap per kecamatan dan kelurahan, laki-laki dan perempuan, tanpa data pribadi pemilih',
            unit: 'DATA',
            responsibleOfficial: KASUBBAG('Perencanaan, Data dan Informasi'),
            timeAndPlace: 'September 2024, Kantor KPU Kota Bandung',
            formats: ['SOFTCOPY'],
            fileTypes: ['PDF', 'XLSX'],
            retention: 'Permanen',
            isElection: true,
            archive: ['ktp'],
          },
        ] as DemoEntry[])
      : []),
    ...(newer
      ? []
      : ([
          {
            key: 'sosialisasi',
            category: 'BERKALA',
            documentTitle: 'Materi sosialisasi dan pendidikan pemilih',
            summary: 'Bahan sosialisasi tahapan, pendidikan pemilih pemula dan kelompok disabilitas',
            unit: 'TEKNIS',
            responsibleOfficial: KASUBBAG(
              'Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat',
            ),
            timeAndPlace: 'Selama kegiatan sosialisasi, Kota Bandung',
            formats: ['SOFTCOPY'],
            fileTypes: ['PDF', 'MP4'],
            retention: '2 tahun',
          },
        ] as DemoEntry[])),
    {
      key: 'bencana',
      category: 'SERTA_MERTA',
      documentTitle: 'Informasi keadaan darurat dan bencana di lingkungan kantor',
      summary: 'Potensi bahaya, pihak terdampak, prosedur dan tempat evakuasi, dan cara memperoleh bantuan',
      unit: 'KEUANGAN',
      responsibleOfficial: SEKRETARIS,
      timeAndPlace: 'Segera saat terjadi, laman dan papan pengumuman',
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: '5 tahun',
    },
    {
      key: 'dip',
      category: 'SETIAP_SAAT',
      documentTitle: 'Daftar Informasi Publik KPU Kota Bandung',
      summary: 'Daftar seluruh informasi publik yang dikuasai, tidak termasuk informasi yang dikecualikan',
      unit: 'TEKNIS',
      responsibleOfficial: 'PPID KPU Kota Bandung',
      timeAndPlace: `Ditetapkan setiap tahun, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF', 'XLSX'],
      retention: 'Permanen',
      archive: ['skdip'],
    },
    {
      key: 'keputusan',
      category: 'SETIAP_SAAT',
      documentTitle: 'Keputusan KPU Kota Bandung dan pertimbangannya',
      summary: 'Keputusan beserta dokumen pendukung dan pertimbangan yang mendasarinya',
      unit: 'HUKUM',
      responsibleOfficial: KASUBBAG('Hukum dan Sumber Daya Manusia'),
      timeAndPlace: `Setiap ditetapkan, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: 'Permanen',
    },
    {
      key: 'kontrak',
      category: 'SETIAP_SAAT',
      documentTitle: 'Perjanjian dengan pihak ketiga',
      summary: 'Kontrak pengadaan barang/jasa dan perjanjian kerja sama beserta adendumnya',
      unit: 'KEUANGAN',
      responsibleOfficial: KASUBBAG('Keuangan, Umum dan Logistik'),
      timeAndPlace: `Setiap ditandatangani, ${KOTA}`,
      formats: ['HARDCOPY'],
      fileTypes: [],
      retention: '10 tahun',
    },
    {
      key: 'sop',
      category: 'SETIAP_SAAT',
      documentTitle: 'Standar operasional prosedur pelayanan informasi publik',
      summary:
        'SOP penyusunan DIP, pelayanan informasi, pendokumentasian, informasi yang dikecualikan dan penanganan keberatan',
      unit: 'HUKUM',
      responsibleOfficial: SEKRETARIS,
      timeAndPlace: `Setiap ditetapkan, laman PPID`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: 'Selama berlaku',
    },
    {
      key: 'pleno',
      category: 'SETIAP_SAAT',
      documentTitle: 'Berita acara rapat pleno terbuka',
      summary: 'Berita acara dan daftar hadir rapat pleno terbuka KPU Kota Bandung',
      unit: 'TEKNIS',
      responsibleOfficial: 'Ketua KPU Kota Bandung',
      timeAndPlace: `Setiap rapat pleno, ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: 'Permanen',
    },
    {
      key: 'formulir',
      category: 'SETIAP_SAAT',
      documentTitle: 'Formulir permohonan informasi publik dan pernyataan keberatan',
      summary: 'Formulir Model PPID-B untuk permohonan informasi dan Model PPID-F untuk keberatan',
      unit: 'TEKNIS',
      responsibleOfficial: 'PPID KPU Kota Bandung',
      timeAndPlace: `Setiap saat, desk layanan informasi ${KOTA}`,
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: 'Selama berlaku',
      archive: ['formulir'],
    },
  ];
}
