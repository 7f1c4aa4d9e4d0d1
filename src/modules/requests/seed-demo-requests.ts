import { createPdf, pdfToBuffer } from '../../platform/pdf/pdf.ts';
import type { DemoCtx } from '../demo/seed-demo.ts';
import { listUnits } from '../offices/queries.ts';
import { listDikEntries } from '../exemptions/queries.ts';
import { answerDisposition } from './answer-disposition.ts';
import { answerRequestAtDesk } from './answer-request-at-desk.ts';
import { closeRequest } from './close-request.ts';
import { demoScene } from './demo-scene.ts';
import { decideRequest } from './decide-request.ts';
import { deliverRequest } from './deliver-request.ts';
import { disposeRequest } from './dispose-request.ts';
import { extendRequest } from './extend-request.ts';
import { markRequestIncomplete } from './mark-request-incomplete.ts';
import { listDispositions } from './queries.ts';
import { registerRequest } from './register-request.ts';
import { setRequestFees } from './set-request-fees.ts';
import { submitRequest } from './submit-request.ts';
import { withdrawRequest } from './withdraw-request.ts';
import { publicActor } from '../access/actor.ts';
import { addCalendarDays } from '../calendar/working-days.ts';

// Demo requests at KPU Kota Bandung in every state, made through the same use cases as real
// ones, each step at its own time in the past so deadlines, badges and reports look real.
// Names, NIKs and addresses are invented.

const OFFICE = 'kpu-kota-bandung';
const UNIT = 'Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat';

async function demoPdf(title: string, lines: string[]): Promise<Buffer> {
  const doc = createPdf({ title });
  doc.font('bold').fontSize(14).text(title, { align: 'center' }).moveDown();
  doc.font('regular').fontSize(10);
  for (const line of lines) doc.text(line).moveDown(0.3);
  return pdfToBuffer(doc);
}

const person = (name: string, nik: string, more: Record<string, unknown> = {}) => ({
  requesterType: 'PERORANGAN',
  name,
  nik,
  address: 'Jl. Dipatiukur No. 35, Coblong, Kota Bandung',
  occupation: 'Wiraswasta',
  phone: '0812 2000 1111',
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@pemohon.demo.terbuka.test`,
  purpose: 'Pemantauan penyelenggaraan pemilihan.',
  category: 'TAHAPAN_PEMILU',
  accessMethods: ['SALINAN_SOFTCOPY'],
  deliveryMethod: 'EMAIL',
  consent: true,
  ...more,
});

export async function seedDemoRequests(base: DemoCtx): Promise<void> {
  const scene = await demoScene(base, OFFICE, {
    ppid: 'ppid.bandung@demo.terbuka.test',
    desk: 'petugas.bandung@demo.terbuka.test',
    unitStaff: 'pembantu.bandung@demo.terbuka.test',
  });
  if (!scene) return;
  const { office, ctx, clock, today } = scene;
  const { ppid, desk, unitStaff } = scene.actors;
  const unit = (await listUnits(base.db, office.id)).find((u) => u.name === UNIT);
  if (!unit) return;
  // 09:00 WIB n calendar days ago (and later hours the same day).
  const at = (daysAgo: number, hour = 9) => scene.at(daysAgo, hour);
  const o = { officeId: office.id };

  // 1. Just arrived online (an hour ago), waiting for the completeness check.
  clock.set(new Date(base.clock.now().getTime() - 3_600_000));
  await submitRequest(ctx, publicActor(), {
    ...o,
    channel: 'API',
    data: person('Rudi Hartono', '3273011203850004', {
      informationRequested:
        'Daftar lokasi TPS di Kecamatan Coblong pada Pemilihan 2024 beserta jumlah pemilih per TPS.',
    }),
    uploads: [],
  });

  // 2. Incomplete: the KTP is missing.
  at(2);
  const incomplete = await submitRequest(ctx, publicActor(), {
    ...o,
    channel: 'API',
    data: person('Sri Wahyuni', '3273015607900002', {
      informationRequested: 'Laporan dana kampanye pasangan calon Wali Kota Bandung 2024.',
    }),
    uploads: [],
  });
  at(2, 10);
  await markRequestIncomplete(ctx, desk, {
    ...o,
    requestId: incomplete.requestId,
    data: { missing: ['KTP'], note: 'Mohon unggah foto KTP yang terbaca jelas.' },
  });

  // 3. A legal entity's letter, disposed to a unit that answered; due soon.
  at(8);
  const lbh = await submitRequest(ctx, desk, {
    ...o,
    channel: 'LETTER',
    data: {
      requesterType: 'BADAN_HUKUM',
      name: 'Perkumpulan Lembaga Bantuan Hukum Bandung',
      representativeName: 'Lasma Natalia',
      legalDocumentNumber: 'AHU-0012345.AH.01.07.TAHUN 2019',
      address: 'Jl. Kalijati Indah Barat No. 8, Antapani, Kota Bandung',
      phone: '022 7206 444',
      email: 'sekretariat@lbh.demo.terbuka.test',
      informationRequested:
        'Salinan keputusan KPU Kota Bandung tentang penetapan rekapitulasi daftar pemilih tetap per kecamatan, Pemilihan 2024.',
      purpose: 'Pendampingan hukum warga yang tidak terdaftar sebagai pemilih.',
      category: 'TAHAPAN_PEMILU',
      accessMethods: ['SALINAN_SOFTCOPY', 'MEMBACA'],
      deliveryMethod: 'EMAIL',
      consent: true,
    },
    uploads: [],
    markComplete: true,
  });
  at(7);
  await disposeRequest(ctx, ppid, {
    ...o,
    requestId: lbh.requestId,
    data: {
      unitIds: [unit.id],
      instruction: 'Siapkan salinan keputusan DPT per kecamatan (softcopy).',
      internalDueDate: addCalendarDays(lbh.dueDate, -2) < today ? today : addCalendarDays(lbh.dueDate, -2),
    },
  });
  at(5);
  const [disposition] = await listDispositions(ctx.db, office.id, lbh.requestId);
  if (disposition) {
    await answerDisposition(ctx, unitStaff, {
      ...o,
      requestId: lbh.requestId,
      dispositionId: disposition.id,
      data: { notes: 'Keputusan DPT per kecamatan terlampir (30 kecamatan).', informationHeld: 'yes' },
      uploads: [
        {
          field: 'files',
          filename: 'keputusan-dpt-per-kecamatan.pdf',
          bytes: await demoPdf('Keputusan Penetapan DPT', [
            'Rekapitulasi DPT per kecamatan, Pemilihan 2024 (contoh).',
          ]),
        },
      ],
    });
  }

  // 4. Registered long ago and not answered: overdue.
  at(17);
  const overdue = await submitRequest(ctx, publicActor(), {
    ...o,
    channel: 'API',
    data: person('Forum Pemantau Pemilu Jawa Barat', '3273022108880007', {
      requesterType: 'KELOMPOK',
      representativeName: 'Hendra Gunawan',
      members: 'Hendra Gunawan; 3273022108880007\nNeni Rahmawati; 3273035109910003',
      category: 'BADAN_PUBLIK',
      informationRequested: 'Rincian realisasi anggaran hibah Pemilihan 2024 per kegiatan.',
    }),
    uploads: [],
  });
  at(16);
  await registerRequest(ctx, desk, { ...o, requestId: overdue.requestId });

  // 5. Granted in full, delivered by download link, closed.
  at(15);
  const granted = await submitRequest(ctx, publicActor(), {
    ...o,
    channel: 'API',
    data: person('Andi Firmansyah', '3273050304920001', {
      informationRequested: 'Jadwal dan tahapan Pemilihan Wali Kota dan Wakil Wali Kota Bandung 2024.',
    }),
    uploads: [],
  });
  at(14);
  await registerRequest(ctx, desk, { ...o, requestId: granted.requestId });
  at(10);
  await decideRequest(ctx, ppid, {
    ...o,
    requestId: granted.requestId,
    data: {
      outcome: 'GRANTED_FULL',
      materialDescription: 'Keputusan KPU Kota Bandung tentang tahapan dan jadwal Pemilihan 2024',
      forms: ['SOFTCOPY'],
      provisionTime: 'Saat pemberitahuan ini diterbitkan',
    },
    uploads: [
      {
        field: 'files',
        filename: 'jadwal-tahapan-pemilihan-2024.pdf',
        bytes: await demoPdf('Jadwal Tahapan Pemilihan 2024', [
          'Pendaftaran pasangan calon: 27–29 Agustus 2024',
          'Kampanye: 25 September – 23 November 2024',
          'Pemungutan suara: 27 November 2024',
        ]),
      },
    ],
  });
  at(10, 11);
  await deliverRequest(ctx, desk, {
    ...o,
    requestId: granted.requestId,
    data: { kind: 'EMAIL', recipientName: 'Andi Firmansyah', close: true },
  });

  // 6. Refused as exempt, with the consequence test.
  at(13);
  const refused = await submitRequest(ctx, publicActor(), {
    ...o,
    channel: 'API',
    data: person('Maya Sari', '3273046811950002', {
      informationRequested:
        'Hasil pemeriksaan kesehatan jasmani dan rohani seluruh bakal calon Wali Kota Bandung 2024.',
    }),
    uploads: [],
  });
  at(12);
  await registerRequest(ctx, desk, { ...o, requestId: refused.requestId });
  at(6);
  await decideRequest(ctx, ppid, {
    ...o,
    requestId: refused.requestId,
    data: {
      outcome: 'REFUSED_EXEMPT',
      // The KPU RI decree on candidates' health records, in force at every office (seed-demo-exemptions.ts).
      exemptionEntryId: (await listDikEntries(base.db, office)).find(
        (e) => e.ground === 'h' && e.subPoint === 2 && e.inheritedFrom === 'kpu-ri',
      )?.id,
      legalBasis: 'UU 27/2022 tentang Pelindungan Data Pribadi',
      harmAnalysis:
        'Hasil pemeriksaan kesehatan memuat kondisi fisik dan psikis yang merupakan rahasia pribadi; membukanya merugikan hak pribadi bakal calon.',
      publicInterestAnalysis:
        'Kepentingan publik telah terpenuhi melalui pengumuman status memenuhi syarat atau tidak memenuhi syarat kesehatan.',
      exemptionPeriod: 'Sampai yang bersangkutan memberikan persetujuan tertulis',
      testParticipants: 'PPID dan Tim Pertimbangan KPU Kota Bandung',
    },
    uploads: [],
  });
  await closeRequest(ctx, desk, { ...o, requestId: refused.requestId });

  // 7. Not held: the province holds it.
  at(11);
  const notHeld = await submitRequest(ctx, publicActor(), {
    ...o,
    channel: 'API',
    data: person('Yayasan Data Terbuka', '3273062501870005', {
      category: 'BADAN_PUBLIK',
      informationRequested:
        'Rekapitulasi hasil penghitungan suara Pemilihan Gubernur Jawa Barat 2024 tingkat provinsi.',
    }),
    uploads: [],
  });
  at(10);
  await registerRequest(ctx, desk, { ...o, requestId: notHeld.requestId });
  await decideRequest(ctx, ppid, {
    ...o,
    requestId: notHeld.requestId,
    data: { outcome: 'NOT_HELD', holderBody: 'KPU Provinsi Jawa Barat' },
    uploads: [],
  });
  await closeRequest(ctx, desk, { ...o, requestId: notHeld.requestId });

  // 8. Paper copies: decided, waiting for payment.
  at(9);
  const fee = await submitRequest(ctx, desk, {
    ...o,
    channel: 'WALK_IN',
    data: person('Bambang Sutrisno', '3273071007800003', {
      accessMethods: ['SALINAN_HARDCOPY'],
      deliveryMethod: 'AMBIL_LANGSUNG',
      informationRequested:
        'Salinan berita acara rekapitulasi hasil penghitungan suara tingkat Kota Bandung, Pemilihan Wali Kota 2024.',
    }),
    uploads: [],
    markComplete: true,
  });
  at(4);
  await setRequestFees(ctx, desk, {
    ...o,
    requestId: fee.requestId,
    data: {
      items: [
        {
          kind: 'COPY_HARDCOPY',
          description: 'Fotokopi berita acara dan lampiran',
          quantity: 46,
          unitPrice: 500,
        },
      ],
    },
  });
  await extendRequest(ctx, ppid, {
    ...o,
    requestId: fee.requestId,
    data: { reason: 'Lampiran berita acara berada di gudang logistik dan perlu diambil serta digandakan.' },
  });
  at(3);
  await decideRequest(ctx, ppid, {
    ...o,
    requestId: fee.requestId,
    data: {
      outcome: 'GRANTED_FULL',
      materialDescription: 'Berita acara rekapitulasi (Model D.HASIL) dan lampirannya',
      forms: ['HARDCOPY'],
      provisionTime: '1 hari kerja setelah pembayaran',
    },
    uploads: [],
  });

  // 9. Withdrawn by the requester.
  at(6);
  const withdrawn = await submitRequest(ctx, publicActor(), {
    ...o,
    channel: 'API',
    data: person('Rina Marlina', '3273084404930006', {
      informationRequested: 'Daftar anggota PPK dan PPS se-Kota Bandung 2024.',
    }),
    uploads: [],
  });
  at(5, 14);
  await withdrawRequest(ctx, publicActor(), {
    ...o,
    requestId: withdrawn.requestId,
    trackingCode: withdrawn.trackingCode,
    data: { reason: 'Informasi sudah saya peroleh dari situs KPU.' },
  });

  // 10. Walk-in, answered at the desk at once, handed over and closed.
  at(1, 10);
  const walkIn = await submitRequest(ctx, desk, {
    ...o,
    channel: 'WALK_IN',
    data: person('Dewi Anggraini', '3273095212990004', {
      accessMethods: ['MEMBACA', 'MENCATAT'],
      deliveryMethod: 'AMBIL_LANGSUNG',
      category: 'TAHAPAN_PEMILU',
      informationRequested: 'Daftar calon tetap anggota DPRD Kota Bandung Pemilu 2024.',
    }),
    uploads: [],
    markComplete: true,
  });
  await answerRequestAtDesk(ctx, desk, {
    ...o,
    requestId: walkIn.requestId,
    data: {
      materialDescription:
        'Daftar calon tetap DPRD Kota Bandung (papan pengumuman dan situs kota-bandung.kpu.go.id)',
      forms: ['HARDCOPY'],
    },
    uploads: [],
  });
  await deliverRequest(ctx, desk, {
    ...o,
    requestId: walkIn.requestId,
    data: { kind: 'AMBIL_LANGSUNG', recipientName: 'Dewi Anggraini', close: true },
  });
}
