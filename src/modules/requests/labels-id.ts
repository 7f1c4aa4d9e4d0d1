import type {
  AccessMethod,
  Category,
  Channel,
  DeliveryKind,
  DeliveryMethod,
  ExemptionGround,
  Outcome,
  RequesterType,
} from './schema.ts';
import type { RequestStatus } from './status.ts';

// The Indonesian wording official letters and emails use (the web pages translate through the
// i18n catalog; letters to requesters are Indonesian documents).

export const CATEGORY_ID: Record<Category, string> = {
  TAHAPAN_PEMILU: 'Informasi Tahapan Pemilu/Pemilihan',
  BADAN_PUBLIK: 'Informasi KPU sebagai Badan Publik',
};

export const ACCESS_METHOD_ID: Record<AccessMethod, string> = {
  MELIHAT: 'melihat',
  MEMBACA: 'membaca',
  MENDENGARKAN: 'mendengarkan',
  MENCATAT: 'mencatat',
  SALINAN_SOFTCOPY: 'mendapatkan salinan softcopy',
  SALINAN_HARDCOPY: 'mendapatkan salinan hardcopy',
};

export const DELIVERY_METHOD_ID: Record<DeliveryMethod, string> = {
  AMBIL_LANGSUNG: 'mengambil langsung',
  EMAIL: 'email',
  POS: 'pos/jasa pengiriman',
  FAKSIMILI: 'faksimili',
};

export const DELIVERY_KIND_ID: Record<DeliveryKind, string> = {
  UNDUH: 'tautan unduh di halaman lacak permohonan',
  EMAIL: 'email (tautan unduh)',
  AMBIL_LANGSUNG: 'diambil langsung',
  POS: 'dikirim melalui pos',
  FAKSIMILI: 'faksimili',
};

export const CHANNEL_ID: Record<Channel, string> = {
  WEB: 'formulir daring',
  API: 'layanan API',
  WALK_IN: 'datang langsung',
  LETTER: 'surat',
  EMAIL: 'email',
  PHONE: 'telepon',
  FAX: 'faksimili',
};

export const REQUESTER_TYPE_ID: Record<RequesterType, string> = {
  PERORANGAN: 'Perorangan',
  KELOMPOK: 'Kelompok orang',
  BADAN_HUKUM: 'Badan hukum',
};

/** How the copying costs were paid (record-payment.ts), as the register prints it. */
export const PAYMENT_METHOD_ID: Record<string, string> = {
  TUNAI: 'tunai',
  TRANSFER: 'transfer bank',
  LAINNYA: 'cara lain',
};

export const OUTCOME_ID: Record<Outcome, string> = {
  GRANTED_FULL: 'Dikabulkan seluruhnya',
  GRANTED_PARTIAL: 'Dikabulkan sebagian',
  REFUSED_EXEMPT: 'Ditolak (informasi dikecualikan)',
  NOT_HELD: 'Informasi tidak dikuasai',
  NOT_YET_DOCUMENTED: 'Informasi belum didokumentasikan',
};

export const STATUS_ID: Record<RequestStatus, string> = {
  RECEIVED: 'Diterima, menunggu pemeriksaan kelengkapan',
  INCOMPLETE: 'Belum lengkap, menunggu kelengkapan dari pemohon',
  REGISTERED: 'Teregistrasi, sedang diproses',
  IN_PROCESS: 'Sedang diproses unit pengelola informasi',
  AWAITING_PAYMENT: 'Diputuskan, menunggu pembayaran biaya',
  DECIDED: 'Diputuskan',
  DELIVERED: 'Informasi telah diserahkan',
  CLOSED: 'Selesai',
  CLOSED_INCOMPLETE: 'Ditutup karena tidak dilengkapi',
  WITHDRAWN: 'Ditarik oleh pemohon',
};

/** UU 14/2008 Pasal 17 (regulation.md §5.1). */
export const EXEMPTION_GROUND_ID: Record<ExemptionGround, string> = {
  a: 'Pasal 17 huruf a — menghambat proses penegakan hukum',
  b: 'Pasal 17 huruf b — mengganggu perlindungan hak kekayaan intelektual dan persaingan usaha tidak sehat',
  c: 'Pasal 17 huruf c — membahayakan pertahanan dan keamanan negara',
  d: 'Pasal 17 huruf d — mengungkapkan kekayaan alam Indonesia',
  e: 'Pasal 17 huruf e — merugikan ketahanan ekonomi nasional',
  f: 'Pasal 17 huruf f — merugikan kepentingan hubungan luar negeri',
  g: 'Pasal 17 huruf g — mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir atau wasiat',
  h: 'Pasal 17 huruf h — mengungkap rahasia pribadi',
  i: 'Pasal 17 huruf i — memorandum atau surat antar/intra badan publik yang menurut sifatnya dirahasiakan',
  j: 'Pasal 17 huruf j — informasi yang tidak boleh diungkapkan berdasarkan undang-undang',
};

export function listInIndonesian(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
}

/** What the desk can list as missing in a completeness check (regulation.md §3.2). */
export const MISSING_ITEMS = [
  'KTP',
  'SURAT_KUASA',
  'KTP_ANGGOTA',
  'AKTA_PENDIRIAN',
  'PENGESAHAN',
  'RINCIAN_INFORMASI',
  'TUJUAN',
  'KONTAK',
  'LAINNYA',
] as const;
export type MissingItem = (typeof MISSING_ITEMS)[number];

export const MISSING_ITEM_ID: Record<MissingItem, string> = {
  KTP: 'Salinan KTP atau identitas lain yang sah',
  SURAT_KUASA: 'Surat kuasa dari anggota kelompok',
  KTP_ANGGOTA: 'Salinan KTP anggota kelompok yang memberi kuasa',
  AKTA_PENDIRIAN: 'Akta pendirian badan hukum',
  PENGESAHAN: 'Surat keputusan pengesahan badan hukum (Kemenkumham)',
  RINCIAN_INFORMASI: 'Rincian informasi yang diminta yang lebih jelas',
  TUJUAN: 'Tujuan penggunaan informasi',
  KONTAK: 'Alamat, nomor telepon atau email yang dapat dihubungi',
  LAINNYA: 'Lainnya (lihat catatan)',
};
