import type { Actor } from '../../src/modules/access/actor.ts';
import { cliActor } from '../../src/modules/access/actor.ts';
import { decideApproval } from '../../src/modules/exemptions/decide-approval.ts';
import type { ExemptionDecree, ExemptionEntry, ExemptionTest } from '../../src/modules/exemptions/queries.ts';
import { saveConsequenceTest } from '../../src/modules/exemptions/save-consequence-test.ts';
import { saveDecree } from '../../src/modules/exemptions/save-decree.ts';
import { saveExemptionEntry } from '../../src/modules/exemptions/save-exemption-entry.ts';
import { submitForApproval } from '../../src/modules/exemptions/submit-for-approval.ts';
import type { Ctx } from '../../src/platform/context.ts';

/** A consequence test that passes the quality checks (personal data on a voter form). */
export function sampleTest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    documentKind: 'DESCRIBED',
    documentDescription: 'Formulir Model A.3-KWK (daftar pemilih) beserta lampiran salinan KTP-el',
    information:
      'Nomor Induk Kependudukan, tanggal lahir dan alamat lengkap pemilih pada formulir Model A.3-KWK',
    ground: 'h',
    subPoint: '1',
    otherStatute: 'Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi, Pasal 4 ayat (2)',
    harmAnalysis:
      'Membuka NIK dan alamat lengkap pemilih memungkinkan penyalahgunaan identitas, penipuan dan pelanggaran data pribadi yang merugikan pemilih secara langsung.',
    publicInterest:
      'Kepentingan publik atas akurasi daftar pemilih telah terpenuhi melalui pengumuman DPS dan DPT dengan NIK yang disamarkan sebagian; membuka NIK utuh tidak menambah manfaat bagi publik.',
    propriety:
      'Tidak patut membuka data kependudukan seseorang tanpa persetujuannya kepada pihak yang tidak berkepentingan.',
    closed: 'CLOSED',
    whole: 'PART',
    periodCondition: 'sampai pemilih yang bersangkutan memberikan persetujuan tertulis',
    occasion: 'BEFORE_REQUEST',
    place: 'Bandung',
    heldOn: '2026-11-02',
    participants: 'Rina Kartika — PPID\nDedi Supriadi — Tim Pertimbangan\nAgus Hermawan — Atasan PPID',
    ...overrides,
  };
}

export function sampleDecree(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    number: '12/PP.02-Kpt/3273/2026',
    decreeDate: '2026-11-03',
    title: 'Penetapan Daftar Informasi yang Dikecualikan di Lingkungan KPU Kota Bandung',
    officialName: 'Rina Kartika',
    officialPosition: 'PPID KPU Kota Bandung',
    reasons:
      'Berdasarkan hasil uji konsekuensi, informasi yang memuat data pribadi pemilih perlu dikecualikan untuk melindungi kepentingan yang lebih besar.',
    reach: 'OFFICE',
    ...overrides,
  };
}

export function sampleEntry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    information: 'Data pribadi pemilih pada formulir Model A.3-KWK (NIK, tanggal lahir, alamat)',
    holderUnit: 'Subbagian Perencanaan, Data dan Informasi',
    ground: 'h',
    subPoint: '1',
    legalBasis: 'UU 27/2022 tentang Pelindungan Data Pribadi',
    consideration:
      'Membuka data pribadi pemilih merugikan pemilih; kepentingan publik terpenuhi dengan DPT yang disamarkan.',
    whole: 'PART',
    periodCondition: 'sampai pemilih yang bersangkutan memberikan persetujuan tertulis',
    ...overrides,
  };
}

/** Runs the whole chain as the operator (the console may act for every role). */
export async function approveAll(
  ctx: Ctx,
  officeId: string,
  subject: 'TEST' | 'DECREE',
  id: string,
  steps = 3,
): Promise<void> {
  for (let i = 0; i < steps; i++)
    await decideApproval(ctx, cliActor(), { officeId, subject, id, data: { decision: 'APPROVED' } });
}

/** An approved test, an active decree and its one entry, at `officeId`. */
export async function activeDecree(
  ctx: Ctx,
  ppid: Actor,
  officeId: string,
  opts: {
    decree?: Record<string, unknown>;
    entry?: Record<string, unknown>;
    test?: Record<string, unknown>;
  } = {},
): Promise<{ test: ExemptionTest; decree: ExemptionDecree; entry: ExemptionEntry }> {
  const test = await saveConsequenceTest(ctx, ppid, { officeId, data: sampleTest(opts.test) });
  await submitForApproval(ctx, ppid, { officeId, subject: 'TEST', id: test.id });
  await approveAll(ctx, officeId, 'TEST', test.id);
  const decree = await saveDecree(ctx, ppid, {
    officeId,
    data: sampleDecree({ testIds: [test.id], ...opts.decree }),
  });
  const entry = await saveExemptionEntry(ctx, ppid, {
    officeId,
    decreeId: decree.id,
    data: sampleEntry({ testId: test.id, ...opts.entry }),
  });
  await submitForApproval(ctx, ppid, { officeId, subject: 'DECREE', id: decree.id });
  await approveAll(ctx, officeId, 'DECREE', decree.id);
  return { test, decree, entry };
}

const citable = new WeakMap<object, Map<string, string>>();

/**
 * The id of a DIK entry in force at `officeId` (health records of candidates, Pasal 17 huruf h
 * angka 2), created once per database through the whole chain, for tests that refuse a request.
 */
export async function citableEntryId(ctx: Ctx, officeId: string): Promise<string> {
  const perDb = citable.get(ctx.db) ?? new Map<string, string>();
  citable.set(ctx.db, perDb);
  const known = perDb.get(officeId);
  if (known) return known;
  const { entry } = await activeDecree(ctx, cliActorForFixtures(), officeId, {
    decree: { number: `FIX-${officeId.slice(0, 8)}/DIK`, decreeDate: '2026-01-05' },
    test: {
      heldOn: '2026-01-05',
      information: 'Hasil pemeriksaan kesehatan jasmani dan rohani bakal calon anggota DPRD',
      ground: 'h',
      subPoint: '2',
    },
    entry: {
      information: 'Hasil pemeriksaan kesehatan bakal calon (riwayat kesehatan, hasil tes kejiwaan)',
      ground: 'h',
      subPoint: '2',
      legalBasis: 'UU 27/2022 tentang Pelindungan Data Pribadi',
      periodCondition: 'sampai yang bersangkutan memberikan persetujuan tertulis',
    },
  });
  perDb.set(officeId, entry.id);
  return entry.id;
}

function cliActorForFixtures(): Actor {
  return cliActor('fixture');
}
