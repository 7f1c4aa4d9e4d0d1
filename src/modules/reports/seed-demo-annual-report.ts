import { ManualClock } from '../../platform/clock.ts';
import { createPdf, pdfToBuffer } from '../../platform/pdf/pdf.ts';
import { publicActor } from '../access/actor.ts';
import { localDateTime } from '../calendar/working-days.ts';
import type { DemoCtx } from '../demo/seed-demo.ts';
import { findOfficeBySlug } from '../offices/queries.ts';
import { actorForUser } from '../people/load-actor.ts';
import { findUserByEmail } from '../people/queries.ts';
import { closeRequest } from '../requests/close-request.ts';
import { decideRequest } from '../requests/decide-request.ts';
import { deliverRequest } from '../requests/deliver-request.ts';
import { registerRequest } from '../requests/register-request.ts';
import type { RequestsCtx } from '../requests/requests-ctx.ts';
import { submitRequest } from '../requests/submit-request.ts';
import { decideAnnualReport } from './decide-annual-report.ts';
import { saveAnnualReport } from './save-annual-report.ts';
import { submitAnnualReport } from './submit-annual-report.ts';

// Demo (issue 11): last year's requests at KPU Kota Bandung, answered through the real use
// cases at their own dates, and its Laporan Layanan Informasi Publik of that year written by
// the PPID, sent and approved by the Atasan PPID in February — so the portal shows a published
// annual report with real figures. Names and NIKs are invented.

const OFFICE = 'kpu-kota-bandung';

export const DEMO_ANNUAL_TEXTS = {
  policy:
    'KPU Kota Bandung melaksanakan pelayanan informasi publik berdasarkan UU Nomor 14 Tahun 2008, Peraturan Komisi Informasi Nomor 1 Tahun 2021 dan PKPU Nomor 22 Tahun 2023. PPID menetapkan Daftar Informasi Publik setiap tahun, SOP pelayanan informasi, dan maklumat pelayanan yang diumumkan di laman dan di ruang layanan.',
  facilities:
    'Ruang layanan informasi di lantai dasar kantor dengan meja layanan, komputer, pemindai dan akses kursi roda; laman PPID dan layanan permohonan daring melalui Terbuka.',
  budget:
    'Pelayanan informasi dibiayai DIPA KPU Kota Bandung pada kegiatan Sosialisasi, Pendidikan Pemilih dan Partisipasi Masyarakat; seluruh anggaran digunakan untuk pemeliharaan laman, alat tulis dan penggandaan salinan.',
  disputeFollowUp:
    'Tidak ada keberatan yang berlanjut menjadi sengketa di Komisi Informasi Provinsi Jawa Barat, dan tidak ada gugatan ke pengadilan.',
  obstaclesInternal:
    'Sebagian informasi masih tersimpan sebagai arsip kertas di subbagian, sehingga penelusuran memerlukan waktu; petugas layanan merangkap tugas lain pada masa tahapan.',
  obstaclesExternal:
    'Permohonan meningkat menjelang dan sesudah pemungutan suara; sebagian pemohon meminta informasi yang dikuasai badan publik lain.',
  recommendations:
    'Mendigitalkan arsip keputusan dan berita acara tahapan, menambah satu petugas layanan pada masa tahapan, dan menyusun jawaban siap pakai untuk pertanyaan yang sering diajukan.',
};

async function demoPdf(title: string): Promise<Buffer> {
  const doc = createPdf({ title });
  doc.font('bold').fontSize(14).text(title, { align: 'center' });
  return pdfToBuffer(doc);
}

const person = (name: string, nik: string, informationRequested: string) => ({
  requesterType: 'PERORANGAN',
  name,
  nik,
  address: 'Jl. Ir. H. Juanda No. 10, Coblong, Kota Bandung',
  occupation: 'Mahasiswa',
  phone: '0812 2000 2222',
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@pemohon.demo.terbuka.test`,
  informationRequested,
  purpose: 'Penelitian dan pemantauan pemilihan.',
  category: 'TAHAPAN_PEMILU',
  accessMethods: ['SALINAN_SOFTCOPY'],
  deliveryMethod: 'EMAIL',
  consent: true,
});

/** [month-day received, working days later the notice, outcome, information asked]. */
const LAST_YEAR: [string, number, 'GRANTED_FULL' | 'NOT_HELD', string][] = [
  ['02-10', 3, 'GRANTED_FULL', 'Keputusan KPU Kota Bandung tentang penetapan hasil Pemilihan 2024.'],
  ['03-05', 6, 'GRANTED_FULL', 'Daftar anggota KPPS Kecamatan Coblong pada Pemilihan 2024.'],
  ['04-22', 2, 'NOT_HELD', 'Data penduduk per kelurahan tahun 2025.'],
  ['05-14', 8, 'GRANTED_FULL', 'Rekapitulasi partisipasi pemilih per kecamatan Pemilihan 2024.'],
  ['07-08', 4, 'GRANTED_FULL', 'Laporan pertanggungjawaban dana hibah Pemilihan 2024.'],
  ['09-16', 9, 'GRANTED_FULL', 'Rencana kegiatan pendidikan pemilih 2025.'],
  ['10-21', 1, 'NOT_HELD', 'Daftar pemilih tetap Pemilu 2019 per TPS.'],
  ['11-18', 5, 'GRANTED_FULL', 'Berita acara pleno pemutakhiran data pemilih berkelanjutan semester II.'],
];

export async function seedDemoAnnualReport(base: DemoCtx): Promise<void> {
  const office = await findOfficeBySlug(base.db, OFFICE);
  if (!office) return;
  const actorOf = async (email: string) => {
    const user = await findUserByEmail(base.db, email);
    return user ? actorForUser(base.db, user, base.clock.now(), null) : null;
  };
  const [ppid, desk, atasan] = await Promise.all(
    ['ppid.bandung', 'petugas.bandung', 'atasan.bandung'].map((n) => actorOf(`${n}@demo.terbuka.test`)),
  );
  if (!ppid || !desk || !atasan) return;
  const year = Number(localDateTime(base.clock.now(), office.timezone).date.slice(0, 4)) - 1;
  const clock = new ManualClock(base.clock.now());
  const ctx: RequestsCtx = {
    db: base.db,
    clock,
    files: base.files,
    keys: base.dataKeys,
    publicUrl: base.publicUrl,
    uploadMaxBytes: base.uploadMaxBytes,
  };
  const at = (date: string, hour: number) =>
    clock.set(new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`));
  const o = { officeId: office.id };
  for (const [i, [md, days, outcome, info]] of LAST_YEAR.entries()) {
    const received = `${year}-${md}`;
    at(received, 9);
    const r = await submitRequest(ctx, publicActor(), {
      ...o,
      channel: 'API',
      data: person(`Pemohon Demo ${String.fromCharCode(65 + i)}`, `32730512039${i}000${i + 1}`, info),
      uploads: [],
    });
    at(received, 11);
    await registerRequest(ctx, desk, { ...o, requestId: r.requestId });
    // Calendar days stand in for working days here; the figures count the real working days.
    const noticeDay = new Date(
      Date.parse(`${received}T00:00:00Z`) + (days + Math.floor(days / 5) * 2) * 86_400_000,
    )
      .toISOString()
      .slice(0, 10);
    at(noticeDay, 14);
    if (outcome === 'NOT_HELD') {
      await decideRequest(ctx, ppid, {
        ...o,
        requestId: r.requestId,
        data: { outcome, holderBody: 'Dinas Kependudukan dan Pencatatan Sipil Kota Bandung' },
        uploads: [],
      });
      await closeRequest(ctx, desk, { ...o, requestId: r.requestId });
    } else {
      await decideRequest(ctx, ppid, {
        ...o,
        requestId: r.requestId,
        data: {
          outcome,
          materialDescription: info,
          forms: ['SOFTCOPY'],
          provisionTime: 'Saat pemberitahuan ini diterbitkan',
        },
        uploads: [{ field: 'files', filename: `informasi-${i + 1}.pdf`, bytes: await demoPdf(info) }],
      });
      at(noticeDay, 15);
      await deliverRequest(ctx, desk, {
        ...o,
        requestId: r.requestId,
        data: { kind: 'EMAIL', recipientName: `Pemohon Demo ${String.fromCharCode(65 + i)}`, close: true },
      });
    }
  }
  at(`${year + 1}-02-16`, 10);
  await saveAnnualReport(ctx, ppid, { ...o, year, data: DEMO_ANNUAL_TEXTS });
  at(`${year + 1}-02-17`, 9);
  await submitAnnualReport(ctx, ppid, { ...o, year });
  at(`${year + 1}-02-20`, 13);
  await decideAnnualReport(ctx, atasan, { ...o, year, data: { decision: 'APPROVE' } });
}
