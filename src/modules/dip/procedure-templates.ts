import type { ProcedureStep, StepKind } from './model.ts';
import type { Role } from '../people/schema.ts';
import { parseTimeStandard } from './time-standard.ts';

// The DIP procedures of the seed SOPs as workflow steps. Offices differ (regulation.md §6):
// seed 000 (KPU Provinsi Bengkulu) runs a chain of dispositions and a nota dinas before the
// units prepare entries, and ends with the Pleno setting the DIP; seed 001 (KPU Kabupaten
// Bintan) is five steps with the PPID setting it. Each office starts from one and its admin
// edits it. Executors map to Terbuka roles as regulation.md §1.2 describes them: the
// Sekretaris is the Atasan PPID, the Kabag/Kasubbag act as PPID, the staf pelaksana and the
// desk are the PPID's staff (PETUGAS_LAYANAN), the Kabag preparing entries for their unit is
// a PPID Pembantu, and the Ketua (Pembina PPID) records the Pleno's decision.

export const PROCEDURE_TEMPLATES = ['SEED_000', 'SEED_001'] as const;
export type ProcedureTemplate = (typeof PROCEDURE_TEMPLATES)[number];

type Row = [
  sopStepNo: string,
  kind: StepKind,
  title: string,
  actorLabel: string,
  role: Role,
  requirement: string | null,
  time: string | null,
  output: string | null,
];

function build(sopSlug: string, rows: Row[]): ProcedureStep[] {
  return rows.map(([sopStepNo, kind, title, actorLabel, role, requirement, time, output], i) => ({
    position: i + 1,
    sopSlug,
    sopStepNo,
    kind,
    title,
    actorLabel,
    role,
    requirement,
    time: parseTimeStandard(time),
    output,
  }));
}

/** Seed 000, SOP Penyusunan DIP, KPU Provinsi Bengkulu /PP.07-SOP/17/2022. Step 9 names two
 * executors (the Atasan PPID corrects, the Tim Pertimbangan ratifies): two workflow steps. */
const SEED_000: Row[] = [
  [
    '1',
    'DISPOSITION',
    'Menugaskan Kabag untuk menyusun Daftar Informasi Publik',
    'Sekretaris',
    'ATASAN_PPID',
    'Nota Dinas/Disposisi/Arahan',
    '30 menit',
    'Disposisi/Arahan',
  ],
  [
    '2',
    'DISPOSITION',
    'Kabag menugaskan Kasubbag untuk koordinasi dan konsolidasi pengumpulan informasi dan DIP',
    'Kabag',
    'PPID',
    'Nota Dinas/Disposisi/Arahan',
    '30 menit',
    'Disposisi/Arahan',
  ],
  [
    '3',
    'NOTA_DINAS',
    'Staf pelaksana mengonsep nota dinas',
    'Staf Pelaksana',
    'PETUGAS_LAYANAN',
    'Konsep Nota Dinas',
    '1 hari',
    'Draf Nota Dinas',
  ],
  [
    '4',
    'REVIEW',
    'Kasubbag mengoreksi konsep nota dinas',
    'Kasubbag',
    'PPID',
    null,
    '30 menit',
    'Draf Nota Dinas',
  ],
  [
    '5',
    'REVIEW',
    'Kabag menyetujui hasil revisi dan menyerahkan kepada Sekretaris',
    'Kabag',
    'PPID',
    'Draf Nota Dinas',
    '30 menit',
    null,
  ],
  [
    '6',
    'SIGN',
    'Sekretaris menandatangani nota dinas',
    'Sekretaris',
    'ATASAN_PPID',
    'Nota Dinas Revisi',
    null,
    'Nota Dinas selesai',
  ],
  [
    '7',
    'COLLECT',
    'Nota dinas diserahkan kepada Kabag; DIP dibuat oleh Kabag/unit terkait (PPID Pembantu mengusulkan)',
    'Kabag terkait',
    'PPID_PEMBANTU',
    'Nota Dinas',
    '1 (satu) minggu',
    'DIP dibuat kabag terkait',
  ],
  [
    '8',
    'CONSOLIDATE',
    'Hasil DIP dari Kabag diklarifikasi dan disusun sesuai format DIP oleh pelaksana',
    'Staf Pelaksana',
    'PPID',
    null,
    '1 bulan',
    'Usulan DIP',
  ],
  [
    '9',
    'REVIEW',
    'Koreksi usulan DIP oleh Atasan PPID',
    'Atasan PPID',
    'ATASAN_PPID',
    'Usulan DIP',
    null,
    'Usulan DIP dikoreksi',
  ],
  [
    '9',
    'REVIEW',
    'Tim Pertimbangan mengesahkan usulan DIP',
    'Tim Pertimbangan',
    'TIM_PERTIMBANGAN',
    'Usulan DIP',
    null,
    'DIP disetujui dan disahkan',
  ],
  [
    '10',
    'DECREE',
    'Diusulkan pada Pleno untuk ditetapkan',
    'Pleno',
    'PEMBINA_PPID',
    'DIP disahkan',
    '2 hari',
    'DIP disetujui dan ditetapkan',
  ],
  [
    '11',
    'PUBLISH',
    'Staf pelaksana memutakhirkan dan menerbitkan DIP melalui laman website dan desk pelayanan',
    'Staf Pelaksana',
    'PPID',
    'DIP terupdate setahun sekali',
    null,
    'DIP disahkan dan terbit',
  ],
];

/** Seed 001, SOP Penetapan dan Pemutakhiran DIP, KPU Kabupaten Bintan /ORT.06/2101/2023. */
const SEED_001: Row[] = [
  [
    '1',
    'COLLECT',
    'Penyedia informasi dan tim penghubung memberikan informasi yang dibutuhkan kepada PPID',
    'Penyedia Informasi & Tim Penghubung',
    'PPID_PEMBANTU',
    'Data dan informasi publik',
    '5 Hari',
    'Daftar Informasi Publik',
  ],
  [
    '2',
    'CONSOLIDATE',
    'Melakukan klasifikasi dan mendokumentasikan informasi publik dalam bentuk softcopy dan hardcopy',
    'Desk Pelayanan Informasi',
    'PETUGAS_LAYANAN',
    'Data dan informasi publik',
    null,
    'Daftar Informasi Publik',
  ],
  [
    '3',
    'DECREE',
    'Menetapkan dan memutakhirkan Daftar Informasi Publik',
    'PPID',
    'PPID',
    'Data dan informasi publik',
    null,
    'Daftar Informasi Publik',
  ],
  [
    '4',
    'DISPOSITION',
    'Memerintahkan untuk mengunggah Daftar Informasi Publik',
    'PPID',
    'PPID',
    'Informasi publik',
    null,
    'Daftar Informasi Publik',
  ],
  [
    '5',
    'PUBLISH',
    'Mengunggah Daftar Informasi Publik ke website PPID',
    'Unit Pelayanan Informasi',
    'PETUGAS_LAYANAN',
    'Informasi publik',
    null,
    'Daftar Informasi Publik',
  ],
];

export function procedureTemplate(template: ProcedureTemplate): ProcedureStep[] {
  return template === 'SEED_000'
    ? build('penyusunan-dip', SEED_000)
    : build('penetapan-pemutakhiran-dip', SEED_001);
}

/** An office without its own procedure follows seed 000, the fuller of the two. */
export const DEFAULT_TEMPLATE: ProcedureTemplate = 'SEED_000';
