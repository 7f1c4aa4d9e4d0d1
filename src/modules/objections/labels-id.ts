import type { ObjectionGround } from './grounds.ts';
import type {
  AppealCourt,
  DisputeOutcome,
  DisputeRuling,
  DisputeStage,
  InformationCommission,
  MediationResult,
  ObjectionOutcome,
  ObjectionStatus,
} from './objection-status.ts';
import type { ObjectionChannel, Reaction } from './schema.ts';

// The Indonesian wording of objection letters, registers and emails (web pages translate
// through the i18n catalog; letters are Indonesian documents).

/** UU 14/2008 Pasal 35 ayat (1) huruf a–g. */
export const GROUND_ID: Record<ObjectionGround, string> = {
  a: 'Penolakan atas permintaan informasi berdasarkan alasan pengecualian sebagaimana dimaksud dalam Pasal 17',
  b: 'Tidak disediakannya informasi berkala sebagaimana dimaksud dalam Pasal 9',
  c: 'Tidak ditanggapinya permintaan informasi',
  d: 'Permintaan informasi ditanggapi tidak sebagaimana yang diminta',
  e: 'Tidak dipenuhinya permintaan informasi',
  f: 'Pengenaan biaya yang tidak wajar',
  g: 'Penyampaian informasi yang melebihi waktu yang diatur dalam Undang-Undang ini',
};

export const groundShortId = (g: ObjectionGround) => `Pasal 35 ayat (1) huruf ${g}`;

export const OBJECTION_STATUS_ID: Record<ObjectionStatus, string> = {
  REGISTERED: 'Teregistrasi, menunggu tanggapan Atasan PPID',
  SETTLED: 'Selesai dengan musyawarah',
  DECIDED: 'Ditanggapi Atasan PPID',
  LAPSED: 'Tidak ditanggapi dalam jangka waktu',
  DISPUTED: 'Sengketa di Komisi Informasi',
  CLOSED: 'Selesai',
  WITHDRAWN: 'Ditarik oleh pemohon',
};

export const OBJECTION_OUTCOME_ID: Record<ObjectionOutcome, string> = {
  GRANTED: 'Keberatan diterima seluruhnya (putusan PPID dibatalkan)',
  GRANTED_IN_PART: 'Keberatan diterima sebagian',
  REJECTED: 'Keberatan ditolak (putusan PPID dikuatkan)',
};

export const OBJECTION_CHANNEL_ID: Record<ObjectionChannel, string> = {
  WEB: 'formulir daring',
  API: 'layanan API',
  WALK_IN: 'datang langsung',
  LETTER: 'surat',
  EMAIL: 'email',
};

export const REACTION_ID: Record<Reaction, string> = {
  ACCEPTS: 'Menerima tanggapan Atasan PPID',
  DOES_NOT_ACCEPT: 'Tidak menerima tanggapan Atasan PPID',
};

export const COMMISSION_ID: Record<InformationCommission, string> = {
  KI_PUSAT: 'Komisi Informasi Pusat',
  KI_PROVINSI: 'Komisi Informasi Provinsi',
  KI_KABKOTA: 'Komisi Informasi Kabupaten/Kota',
};

export const DISPUTE_STAGE_ID: Record<DisputeStage, string> = {
  FILED: 'Permohonan penyelesaian sengketa diregistrasi',
  MEDIATION: 'Mediasi',
  ADJUDICATION: 'Ajudikasi nonlitigasi',
  COURT: 'Keberatan ke pengadilan (PTUN/PN)',
  CASSATION: 'Kasasi ke Mahkamah Agung',
  FINAL: 'Selesai',
};

export const MEDIATION_RESULT_ID: Record<MediationResult, string> = {
  AGREED: 'Tercapai kesepakatan',
  FAILED: 'Tidak tercapai kesepakatan',
};

export const DISPUTE_RULING_ID: Record<DisputeRuling, string> = {
  DISCLOSURE_ORDERED: 'Informasi dinyatakan terbuka, wajib diberikan',
  PARTIAL_DISCLOSURE_ORDERED: 'Informasi dinyatakan terbuka sebagian',
  CLAIM_REJECTED: 'Permohonan pemohon ditolak',
  CLAIM_NOT_ACCEPTED: 'Permohonan pemohon tidak dapat diterima',
};

export const DISPUTE_OUTCOME_ID: Record<DisputeOutcome, string> = {
  ...DISPUTE_RULING_ID,
  SETTLED_BY_MEDIATION: 'Selesai dengan kesepakatan mediasi',
  WITHDRAWN: 'Dicabut oleh pemohon',
};

export const COURT_ID: Record<AppealCourt, string> = {
  PTUN: 'Pengadilan Tata Usaha Negara',
  PN: 'Pengadilan Negeri',
};
