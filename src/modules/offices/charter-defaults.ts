// The lawful default texts of the Maklumat Pelayanan Informasi Publik (Perki 1/2021 Pasal 47;
// regulation.md §9), which the PPID edits as data (ADR 0092). No figure of days or rupiah is
// written here: the completion times and the fees are drawn from the office's own settings.

/** Dasar hukum: the instruments in force (regulation.md §0; ADR 0084's list of legal bases). */
export const DEFAULT_CHARTER_LEGAL_BASES: readonly string[] = [
  'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik',
  'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik',
  'Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik',
  'Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik',
  'Peraturan Komisi Informasi Nomor 1 Tahun 2019 tentang Standar Layanan dan Prosedur Penyelesaian Sengketa Informasi Pemilihan Umum dan Pemilihan',
  'Peraturan Komisi Pemilihan Umum Nomor 22 Tahun 2023 tentang Pengelolaan dan Pelayanan Informasi Publik di Lingkungan Komisi Pemilihan Umum sebagaimana telah diubah terakhir dengan Peraturan Komisi Pemilihan Umum Nomor 4 Tahun 2025',
];

/** Sistem, mekanisme dan prosedur (regulation.md §3.1–3.4, seed 002 steps 1–6). */
export const DEFAULT_CHARTER_PROCEDURE: readonly string[] = [
  'Pemohon mengajukan permohonan informasi secara langsung di meja layanan, melalui laman permohonan daring, surat elektronik, atau surat, dengan mengisi formulir permohonan (Model PPID-B).',
  'Petugas layanan memeriksa identitas dan kelengkapan permohonan, lalu memberikan nomor pendaftaran dan tanda bukti penerimaan.',
  'Informasi yang tersedia dan tidak dikecualikan diberikan langsung oleh petugas layanan.',
  'Informasi yang belum tersedia di meja layanan diteruskan oleh PPID kepada unit kerja yang menguasainya melalui lembar disposisi.',
  'PPID menyampaikan pemberitahuan tertulis (Model PPID-D) atau keputusan penolakan (Model PPID-E) dengan alasannya kepada pemohon.',
  'Informasi diserahkan kepada pemohon sesuai cara yang dipilih, dengan tanda bukti penyerahan.',
];

/** Jaminan pelayanan ("janji layanan"). */
export const DEFAULT_CHARTER_GUARANTEE =
  'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan informasi publik sesuai dengan standar layanan yang telah ditetapkan, dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai dengan ketentuan peraturan perundang-undangan.';

/** Evaluasi kinerja pelayanan. */
export const DEFAULT_CHARTER_EVALUATION =
  'Kinerja layanan informasi publik dievaluasi secara berkala oleh Atasan PPID, dilaporkan dalam laporan layanan informasi publik tahunan kepada Komisi Informasi, dan diumumkan kepada masyarakat.';

/** Pengaduan atas pelayanan (beside the objection route, which is drawn from the law). */
export const DEFAULT_CHARTER_COMPLAINTS =
  'Saran dan pengaduan atas pelayanan informasi publik dapat disampaikan secara langsung di meja layanan atau melalui kontak resmi kantor di bawah ini; setiap pengaduan dicatat dan ditindaklanjuti.';

/** Akses bagi penyandang disabilitas (Perki 1/2021 Pasal 47; regulation.md §1.3). */
export const DEFAULT_CHARTER_ACCESSIBILITY =
  'Pemohon penyandang disabilitas atau berkebutuhan khusus dibantu petugas dalam mengisi formulir dan memperoleh informasi dalam bentuk yang dapat diakses.';
