import { listDikEntries } from '../../exemptions/queries.ts';
import { ManualClock } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { createPdf, drawLetterhead, pdfToBuffer } from '../../../platform/pdf/pdf.ts';
import type { FileStore } from '../../../platform/storage/file-store.ts';
import { systemActor, type Actor } from '../../access/actor.ts';
import { decideArchiveItem } from '../../archive/decide-archive-item.ts';
import { saveArchiveItem } from '../../archive/save-archive-item.ts';
import { letterheadOf } from '../../offices/letterhead.ts';
import {
  findOfficeBySlug,
  getOfficeSettings,
  listUnits,
  type Office,
  type Unit,
} from '../../offices/queries.ts';
import { actorForUser } from '../../people/load-actor.ts';
import { findUserByEmail } from '../../people/queries.ts';
import { adoptSopTemplate } from '../../sops/adopt-sop-template.ts';
import { SOP_TEMPLATES } from '../../sops/templates.ts';
import { completeDipStep } from '../complete-step.ts';
import { decideDipProposal } from '../decide-dip-proposal.ts';
import { deleteDipEntry } from '../delete-dip-entry.ts';
import { findCycleSteps, listWorkingEntries, type Cycle } from '../queries.ts';
import { saveDipEntry } from '../save-dip-entry.ts';
import { saveDipProcedure } from '../save-dip-procedure.ts';
import { saveDipProposal } from '../save-dip-proposal.ts';
import { sendBackDipStep } from '../send-back-step.ts';
import { startDipCycle } from '../start-cycle.ts';
import { demoEntries, type DemoEntry } from './demo-entries.ts';

// Demo DIP for KPU Kota Bandung, made through the real use cases: the SOP register (the five
// seed SOPs and objections), the seed 000 procedure, documentation archive items, two
// published years (so the public page can compare them) and this year's cycle waiting for
// the units' proposals.

export interface DemoCtx extends Ctx {
  files?: FileStore;
  uploadMaxBytes?: number;
}

const DOMAIN = 'demo.terbuka.test';
const UNIT_OF: Record<DemoEntry['unit'], string> = {
  TEKNIS: 'Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat',
  HUKUM: 'Subbagian Hukum dan Sumber Daya Manusia',
  DATA: 'Subbagian Perencanaan, Data dan Informasi',
  KEUANGAN: 'Subbagian Keuangan, Umum dan Logistik',
};

interface Cast {
  ppid: Actor;
  petugas: Actor;
  atasan: Actor;
  tim: Actor;
  pembina: Actor;
  unit: (u: DemoEntry['unit']) => Actor;
}

async function person(ctx: Ctx, email: string, now: Date, fallback: string): Promise<Actor> {
  const user = await findUserByEmail(ctx.db, `${email}@${DOMAIN}`);
  return user ? actorForUser(ctx.db, user, now, null) : systemActor(fallback);
}

function unitActor(office: Office, unit: Unit): Actor {
  return {
    kind: 'system',
    userId: null,
    label: `PPID Pembantu ${unit.name}`,
    requestId: null,
    roles: [
      {
        officeId: office.id,
        officePath: office.path,
        officeSlug: office.slug,
        officeName: office.name,
        role: 'PPID_PEMBANTU',
        unitId: unit.id,
      },
    ],
  };
}

async function demoPdf(office: Office, ctx: Ctx, title: string, lines: string[]): Promise<Buffer> {
  const pdf = createPdf({ title });
  drawLetterhead(pdf, letterheadOf(office, await getOfficeSettings(ctx.db, office.id)));
  pdf.font('bold').fontSize(13).text(title.toUpperCase(), { align: 'center' });
  pdf.moveDown();
  for (const l of lines) pdf.font('regular').fontSize(10.5).text(l, { align: 'justify' }).moveDown(0.5);
  return pdfToBuffer(pdf);
}

const entryData = (e: DemoEntry, archiveIds: Map<string, string>) => ({
  category: e.category,
  documentTitle: e.documentTitle,
  summary: e.summary,
  holdingUnit: UNIT_OF[e.unit],
  responsibleOfficial: e.responsibleOfficial,
  timeAndPlace: e.timeAndPlace,
  formats: e.formats,
  fileTypes: e.fileTypes,
  retention: e.retention,
  isElection: e.isElection ?? false,
  archiveItemIds: (e.archive ?? []).map((k) => archiveIds.get(k)).filter((x): x is string => x !== undefined),
});

/** Moves a demo clock into office hours (Monday–Friday 08.00–16.00 WIB), so the record reads like an office's. */
function toOfficeHours(clock: ManualClock): void {
  for (let i = 0; i < 7; i++) {
    const wib = new Date(clock.now().getTime() + 7 * 3_600_000);
    const day = wib.getUTCDay();
    const hour = wib.getUTCHours();
    if (day !== 0 && day !== 6 && hour >= 8 && hour < 16) return;
    const next = new Date(
      Date.UTC(
        wib.getUTCFullYear(),
        wib.getUTCMonth(),
        wib.getUTCDate() + (hour >= 8 || day === 0 || day === 6 ? 1 : 0),
        1,
        30,
      ),
    );
    clock.set(next);
  }
}

/** Completes the cycle's steps `from` … `until - 1`, each by the role it names, some time apart. */
async function runSteps(
  ctx: { db: Ctx['db']; clock: ManualClock },
  office: Office,
  cycle: Cycle,
  cast: Cast,
  from: number,
  until: number,
  decree?: { number: string; date: string },
): Promise<void> {
  const steps = await findCycleSteps(ctx.db, office.id, cycle.id);
  for (const step of steps) {
    if (step.position < from) continue;
    if (step.position >= until) break;
    const actor =
      step.kind === 'COLLECT'
        ? cast.ppid
        : ((
            {
              ATASAN_PPID: cast.atasan,
              PPID: cast.ppid,
              PETUGAS_LAYANAN: cast.petugas,
              TIM_PERTIMBANGAN: cast.tim,
              PEMBINA_PPID: cast.pembina,
            } as Partial<Record<string, Actor>>
          )[step.role] ?? cast.ppid);
    const data: Record<string, string> =
      step.kind === 'DISPOSITION'
        ? {
            documentTo:
              step.position === 1
                ? 'Kepala Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat'
                : 'Para Kepala Subbagian',
            note: `Mohon menyusun Daftar Informasi Publik Tahun ${cycle.year} sesuai SOP Penyusunan DIP dan berkoordinasi dengan setiap subbagian.`,
          }
        : step.kind === 'NOTA_DINAS'
          ? {
              documentNumber: `${String(cycle.year % 100).padStart(3, '0')}/PP.07-ND/3273/${cycle.year}`,
              documentTo: 'Para Kepala Subbagian di lingkungan Sekretariat KPU Kota Bandung',
              documentSubject: `Penyusunan Daftar Informasi Publik Tahun ${cycle.year}`,
              note: `Dalam rangka melaksanakan Pasal 11 ayat (1) huruf a Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik, dengan hormat kami minta setiap subbagian menyampaikan usulan informasi publik yang dikuasainya untuk dimuat dalam Daftar Informasi Publik Tahun ${cycle.year}, menggunakan format Model PPID-A, paling lambat satu minggu sejak nota dinas ini diterima. Demikian disampaikan, atas perhatiannya diucapkan terima kasih.`,
            }
          : step.kind === 'DECREE' && decree
            ? {
                decreeNumber: decree.number,
                decreeDate: decree.date,
                decreeSignerName: 'Hj. Euis Kurniasih, S.Sos.',
                decreeSignerTitle: 'Ketua Komisi Pemilihan Umum Kota Bandung',
              }
            : {};
    // Some time at work on the step (the seed 000 standards are met, but not all of them).
    ctx.clock.advance(
      (step.kind === 'COLLECT'
        ? 4 * 1440
        : step.kind === 'CONSOLIDATE'
          ? 2 * 1440
          : step.kind === 'REVIEW'
            ? 40
            : step.kind === 'NOTA_DINAS'
              ? 150
              : 20) * 60_000,
    );
    toOfficeHours(ctx.clock);
    const withDate =
      step.kind === 'DECREE' && decree
        ? {
            ...data,
            decreeDate: new Date(ctx.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10),
          }
        : data;
    await completeDipStep(ctx, actor, {
      officeId: office.id,
      cycleId: cycle.id,
      position: step.position,
      data: withDate,
    });
    ctx.clock.advance(5 * 60_000);
  }
}

export async function seedDipDemo(ctx: DemoCtx): Promise<void> {
  const office = await findOfficeBySlug(ctx.db, 'kpu-kota-bandung');
  if (!office) return;
  const realNow = ctx.clock.now();
  const year = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: office.timezone, year: 'numeric' }).format(realNow),
  );
  const units = new Map((await listUnits(ctx.db, office.id)).map((u) => [u.name, u]));
  const unitFor = (u: DemoEntry['unit']) => units.get(UNIT_OF[u]);
  if ([...Object.values(UNIT_OF)].some((n) => !units.has(n))) return;
  const operator = systemActor('seed-demo');
  const [ppid, petugas, atasan, tim, pembina, pembantu] = await Promise.all([
    person(ctx, 'ppid.bandung', realNow, 'PPID'),
    person(ctx, 'petugas.bandung', realNow, 'Petugas Layanan'),
    person(ctx, 'atasan.bandung', realNow, 'Atasan PPID'),
    person(ctx, 'tim.bandung', realNow, 'Tim Pertimbangan'),
    person(ctx, 'pembina.bandung', realNow, 'Pembina PPID'),
    person(ctx, 'pembantu.bandung', realNow, 'PPID Pembantu'),
  ]);
  const cast: Cast = {
    ppid,
    petugas,
    atasan,
    tim,
    pembina,
    unit: (u) => (u === 'TEKNIS' ? pembantu : unitActor(office, unitFor(u)!)),
  };

  // The office's own procedure (seed 000) and its SOP register.
  const past = new ManualClock(`${year - 2}-01-02T02:00:00Z`);
  const at = { db: ctx.db, clock: past };
  await saveDipProcedure(at, operator, { officeId: office.id, template: 'SEED_000' });
  // Adopted with the office's own number, dates and approver (issue 13 item 8).
  for (const [i, t] of SOP_TEMPLATES.entries()) {
    const data = {
      number: `${String(i + 1).padStart(2, '0')}/HM.03-SOP/${office.code}/${year - 2}`,
      approverTitle: `Sekretaris ${office.name}`,
      approverName: 'Dadang Suherman',
      madeOn: `2 Januari ${year - 2}`,
      approvedOn: `2 Januari ${year - 2}`,
      effectiveOn: `2 Januari ${year - 2}`,
    };
    await adoptSopTemplate(at, operator, { officeId: office.id, templateKey: t.key, data });
  }

  // Documentation archive (seed 003): registered by the PPID's staff, approved by the Atasan PPID.
  const archiveIds = new Map<string, string>();
  const archive = [
    {
      key: 'lapkeu',
      title: `Laporan Keuangan Tahun ${year - 2} (audited)`,
      unit: 'KEUANGAN',
      code: 'KU.01.02',
      retention: '10 tahun, kemudian permanen',
      access: 'PUBLIC',
      place: ['Gedung A', 'Ruang Keuangan', 'Lemari 2', 'Boks 5'],
      decide: true,
    },
    {
      key: 'laplayanan',
      title: `Laporan Layanan Informasi Publik Tahun ${year - 2}`,
      unit: 'TEKNIS',
      code: 'HM.03',
      retention: '5 tahun',
      access: 'PUBLIC',
      place: null,
      decide: true,
    },
    {
      key: 'skdip',
      title: `Keputusan penetapan DIP Tahun ${year - 2}`,
      unit: 'HUKUM',
      code: 'HK.03',
      retention: 'Permanen',
      access: 'PUBLIC',
      place: ['Gedung A', 'Ruang Hukum', 'Lemari 1', 'Ordner Keputusan'],
      decide: true,
    },
    {
      key: 'renstra',
      title: 'Rencana Strategis KPU Kota Bandung 2025–2029',
      unit: 'DATA',
      code: 'PR.01',
      retention: '10 tahun',
      access: 'PUBLIC',
      place: null,
      decide: true,
    },
    {
      key: 'formulir',
      title: 'Formulir permohonan informasi (Model PPID-B) dan keberatan (Model PPID-F)',
      unit: 'TEKNIS',
      code: 'HM.03.01',
      retention: 'Selama berlaku',
      access: 'PUBLIC',
      place: null,
      decide: true,
    },
    {
      key: 'ktp',
      title: 'Salinan KTP-el dalam berkas Daftar Pemilih',
      unit: 'DATA',
      code: 'PP.03',
      retention: '5 tahun',
      access: 'EXEMPT',
      place: ['Gedung B', 'Gudang Arsip', 'Rak 4', 'Boks DPT'],
      decide: true,
    },
    {
      key: 'notulen',
      title: `Notulen rapat koordinasi PPID Tahun ${year}`,
      unit: 'TEKNIS',
      code: 'HM.03',
      retention: '2 tahun',
      access: 'PUBLIC',
      place: ['Gedung A', 'Ruang PPID', 'Lemari 1', 'Ordner 3'],
      decide: false,
    },
  ] as const;
  // The exempt item rests on the KPU RI entry in force on voters' personal data (issue 10).
  const dik = await listDikEntries(ctx.db, office);
  const personalData =
    dik.find((e) => e.ground === 'h' && /pemilih/i.test(e.information)) ?? dik.find((e) => e.ground === 'h');
  for (const a of archive) {
    if (a.access === 'EXEMPT' && !personalData) continue;
    const unit = unitFor(a.unit)!;
    const uploads =
      ctx.files && !a.place
        ? [
            {
              filename: `${a.key}.pdf`,
              bytes: await demoPdf(office, ctx, a.title, [
                `Dokumen contoh untuk demonstrasi Terbuka: ${a.title}.`,
                `Kode klasifikasi ${a.code}. Unit: ${unit.name}.`,
              ]),
            },
          ]
        : [];
    if (ctx.files && a.key === 'lapkeu')
      uploads.push({
        filename: 'laporan-keuangan.pdf',
        bytes: await demoPdf(office, ctx, a.title, [
          'Neraca, laporan realisasi anggaran, laporan operasional dan catatan atas laporan keuangan (contoh).',
        ]),
      });
    const place =
      a.place ?? (uploads.length === 0 ? ['Gedung A', 'Ruang PPID', 'Lemari 1', 'Ordner 1'] : null);
    const item = await saveArchiveItem(
      {
        db: ctx.db,
        clock: a.decide ? past : ctx.clock,
        files: ctx.files!,
        uploadMaxBytes: ctx.uploadMaxBytes ?? 20 * 1048576,
      },
      petugas,
      {
        officeId: office.id,
        data: {
          title: a.title,
          unitId: unit.id,
          classificationCode: a.code,
          retention: a.retention,
          access: a.access,
          exemptionEntryId: a.access === 'EXEMPT' ? personalData?.id : undefined,
          building: place?.[0],
          room: place?.[1],
          cabinet: place?.[2],
          box: place?.[3],
        },
        uploads,
      },
    );
    archiveIds.set(a.key, item.id);
    if (a.decide) {
      past.advance(45 * 60_000);
      await decideArchiveItem(at, atasan, {
        officeId: office.id,
        itemId: item.id,
        data: {
          decision: 'APPROVED',
          note:
            a.access === 'EXEMPT' ? 'Dikecualikan: data pribadi (UU 14/2008 Pasal 17 huruf h).' : undefined,
        },
      });
    }
  }

  // Year −2: the first DIP kept in Terbuka, entered by the PPID's staff.
  past.set(`${year - 2}-01-06T01:30:00Z`);
  let cycle = await startDipCycle(at, ppid, { officeId: office.id, data: { year: year - 2 } });
  await runSteps(at, office, cycle, cast, 1, 8);
  for (const e of demoEntries(year - 2, false))
    await saveDipEntry(at, petugas, {
      officeId: office.id,
      data: entryData(e, new Map([...archiveIds].filter(([k]) => k !== 'renstra'))),
    });
  await runSteps(at, office, cycle, cast, 8, 13, {
    number: `12/PP.07-Kpt/3273/${year - 2}`,
    date: `${year - 2}-02-12`,
  });

  // Year −1: starts from year −2; units propose the new entries, the PPID updates the rest,
  // the Atasan PPID sends the usulan back once.
  past.set(`${year - 1}-01-06T01:30:00Z`);
  cycle = await startDipCycle(at, ppid, { officeId: office.id, data: { year: year - 1 } });
  await runSteps(at, office, cycle, cast, 1, 7);
  const newer = demoEntries(year - 1, true);
  const carried = await listWorkingEntries(ctx.db, office.id, cycle.id);
  const older = new Map(demoEntries(year - 2, false).map((e) => [e.documentTitle, e.key]));
  for (const w of carried) {
    const key = older.get(w.documentTitle);
    const next = newer.find((e) => e.key === key);
    if (!next) continue;
    await saveDipEntry(at, petugas, {
      officeId: office.id,
      entryId: w.id,
      data: entryData(next, archiveIds),
    });
  }
  // sosialisasi was dropped this year
  const dropped = carried.filter((w) => !newer.some((e) => e.key === older.get(w.documentTitle)));
  for (const d of dropped) await deleteDipEntry(at, ppid, { officeId: office.id, entryId: d.id });
  await sendBackAndRedo(at, office, cycle, cast, newer, older, archiveIds);
  await runSteps(at, office, cycle, cast, 9, 13, {
    number: `08/PP.07-Kpt/3273/${year - 1}`,
    date: `${year - 1}-02-10`,
  });

  // This year: started five days ago; the chain of dispositions is done and the units are
  // proposing their entries.
  const now = new ManualClock(new Date(realNow.getTime() - 5 * 86_400_000));
  const here = { db: ctx.db, clock: now };
  cycle = await startDipCycle(here, ppid, { officeId: office.id, data: { year } });
  await runSteps(here, office, cycle, cast, 1, 7);
  now.set(new Date(realNow.getTime() - 3 * 3_600_000));
  await saveDipProposal(here, pembantu, {
    officeId: office.id,
    data: {
      ...entryData(
        {
          key: 'pantarlih',
          category: 'BERKALA',
          documentTitle: `Laporan pemutakhiran data pemilih berkelanjutan Tahun ${year}`,
          summary:
            'Rekapitulasi hasil pemutakhiran data pemilih berkelanjutan per semester, tanpa data pribadi',
          unit: 'TEKNIS',
          responsibleOfficial:
            'Kepala Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat',
          timeAndPlace: `Setiap semester, Kantor KPU Kota Bandung`,
          formats: ['SOFTCOPY'],
          fileTypes: ['PDF'],
          retention: '5 tahun',
          isElection: true,
        },
        archiveIds,
      ),
    },
  });
  await saveDipProposal(here, pembantu, {
    officeId: office.id,
    data: {
      ...entryData(
        {
          key: 'sosialisasi2',
          category: 'BERKALA',
          documentTitle: `Materi pendidikan pemilih Tahun ${year}`,
          summary:
            'Bahan sosialisasi dan pendidikan pemilih untuk pemilih pemula, perempuan dan penyandang disabilitas',
          unit: 'TEKNIS',
          responsibleOfficial:
            'Kepala Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat',
          timeAndPlace: 'Selama kegiatan, Kota Bandung',
          formats: ['SOFTCOPY'],
          fileTypes: ['PDF', 'MP4'],
          retention: '2 tahun',
        },
        archiveIds,
      ),
    },
  });
}

/** Year −1, steps 7–9: proposals from the units, consolidation, a send-back, and the redo. */
async function sendBackAndRedo(
  at: { db: Ctx['db']; clock: ManualClock },
  office: Office,
  cycle: Cycle,
  cast: Cast,
  newer: DemoEntry[],
  older: Map<string, string>,
  archiveIds: Map<string, string>,
): Promise<void> {
  const known = new Set(older.values());
  for (const e of newer.filter((x) => !known.has(x.key))) {
    await saveDipProposal(at, cast.unit(e.unit), { officeId: office.id, data: entryData(e, archiveIds) });
    at.clock.advance(20 * 60_000);
  }
  await saveDipProposal(at, cast.unit('TEKNIS'), {
    officeId: office.id,
    data: entryData(
      {
        key: 'x',
        category: 'SETIAP_SAAT',
        documentTitle: 'Salinan KTP-el pemilih',
        summary: 'Salinan identitas pemilih',
        unit: 'DATA',
        responsibleOfficial: 'Kepala Subbagian Perencanaan, Data dan Informasi',
        timeAndPlace: 'Kantor KPU Kota Bandung',
        formats: ['HARDCOPY'],
        fileTypes: [],
        retention: '5 tahun',
      },
      archiveIds,
    ),
  });
  await completeDipStep(at, cast.ppid, {
    officeId: office.id,
    cycleId: cycle.id,
    position: 7,
    data: { note: 'Usulan dari empat subbagian telah diterima.' },
  });
  at.clock.advance(1440 * 60_000);
  for (const p of await listWorkingEntries(at.db, office.id, cycle.id, { status: ['PROPOSED'] })) {
    const reject = p.documentTitle.startsWith('Salinan KTP');
    await decideDipProposal(at, cast.ppid, {
      officeId: office.id,
      entryId: p.id,
      data: reject
        ? {
            decision: 'REJECTED',
            note: 'Data pribadi pemilih termasuk informasi yang dikecualikan (UU 14/2008 Pasal 17 huruf h); cukup rekapitulasi DPT.',
          }
        : { decision: 'INCLUDED' },
    });
  }
  await completeDipStep(at, cast.ppid, {
    officeId: office.id,
    cycleId: cycle.id,
    position: 8,
    data: { output: 'Usulan DIP' },
  });
  at.clock.advance(2 * 1440 * 60_000);
  await sendBackDipStep(at, cast.atasan, {
    officeId: office.id,
    cycleId: cycle.id,
    data: {
      position: 9,
      target: 8,
      note: 'Lengkapi informasi perubahan lokasi TPS karena keadaan kahar dan periksa kembali ringkasan laporan keuangan.',
    },
  });
  at.clock.advance(1440 * 60_000);
  await completeDipStep(at, cast.ppid, {
    officeId: office.id,
    cycleId: cycle.id,
    position: 8,
    data: { note: 'Sudah dilengkapi sesuai catatan Atasan PPID.' },
  });
  at.clock.advance(3 * 60 * 60_000);
}
