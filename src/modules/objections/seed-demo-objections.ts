import type { DemoCtx } from '../demo/seed-demo.ts';
import { listRequests } from '../requests/queries.ts';
import { demoScene } from '../requests/demo-scene.ts';
import { decideObjection } from './decide-objection.ts';
import { fileObjection } from './file-objection.ts';
import { recordDispute } from './record-dispute.ts';
import { recordDisputeStage } from './record-dispute-stage.ts';
import { recordObjectionReaction } from './record-objection-reaction.ts';
import { settleObjection } from './settle-objection.ts';

// Demo objections at KPU Kota Bandung, on the demo requests (seed-demo-requests.ts), through the
// same use cases as real ones and each step at its own time in the past: one waiting for the
// Atasan PPID, one granted (its request back with the PPID), one settled by agreement, and one
// rejected and taken to the Komisi Informasi, in mediation.

const OFFICE = 'kpu-kota-bandung';

export async function seedDemoObjections(base: DemoCtx): Promise<void> {
  const scene = await demoScene(base, OFFICE, {
    ppid: 'ppid.bandung@demo.terbuka.test',
    desk: 'petugas.bandung@demo.terbuka.test',
    atasan: 'atasan.bandung@demo.terbuka.test',
  });
  if (!scene) return;
  const { office, ctx, day } = scene;
  const { ppid, desk, atasan } = scene.actors;
  const at = (daysAgo: number, hour = 10) => scene.at(daysAgo, hour);
  const requests = await listRequests(base.db, office.id, { limit: 100 });
  const byName = (name: string) => requests.find((r) => r.requesterName === name);
  const o = { officeId: office.id };

  // 1. Refused as exempt, objected to by email, rejected with reasons, not accepted: a dispute
  //    at the Komisi Informasi Provinsi Jawa Barat, now in mediation.
  const refused = byName('Maya Sari');
  if (refused) {
    at(5, 9);
    const filed = await fileObjection(ctx, desk, {
      ...o,
      channel: 'EMAIL',
      requestNumber: refused.number,
      data: {
        grounds: ['a'],
        caseDescription:
          'Hasil pemeriksaan kesehatan menentukan apakah bakal calon memenuhi syarat; publik berhak menilai proses pencalonan. Pengecualian seluruh dokumen tidak sebanding dengan kepentingan publik.',
      },
      uploads: [],
    });
    at(4, 14);
    await decideObjection(ctx, atasan, {
      ...o,
      objectionId: filed.objectionId,
      data: {
        outcome: 'REJECTED',
        reasons:
          'Hasil pemeriksaan kesehatan memuat riwayat kesehatan pribadi bakal calon (Pasal 17 huruf h angka 2). Kepentingan publik telah terpenuhi dengan pengumuman status memenuhi syarat kesehatan; uji konsekuensi PPID dikuatkan.',
      },
    });
    at(3, 9);
    await recordObjectionReaction(ctx, desk, {
      ...o,
      objectionId: filed.objectionId,
      data: { reaction: 'DOES_NOT_ACCEPT', note: 'Disampaikan pemohon melalui telepon.' },
    });
    await recordDispute(ctx, ppid, {
      ...o,
      objectionId: filed.objectionId,
      data: {
        registrationNumber: `045/REG-PSI/${day(3).slice(5, 7)}/${day(3).slice(0, 4)}`,
        filedOn: day(3),
      },
    });
    at(1, 13);
    await recordDisputeStage(ctx, ppid, {
      ...o,
      objectionId: filed.objectionId,
      data: {
        stage: 'MEDIATION',
        startedOn: day(1),
        note: 'Sidang mediasi pertama; para pihak diminta menyiapkan usulan kesepakatan.',
      },
    });
  }

  // 2. Not held (the province holds it): the requester says it was not answered as asked; the
  //    Atasan PPID grants it and orders the PPID to pass the request on.
  const notHeld = byName('Yayasan Data Terbuka');
  if (notHeld) {
    at(6, 10);
    const filed = await fileObjection(ctx, desk, {
      ...o,
      channel: 'LETTER',
      requestNumber: notHeld.number,
      receivedAtLocal: `${day(6)}T10:00`,
      data: {
        grounds: ['d'],
        caseDescription:
          'Pemberitahuan hanya menyebut informasi tidak dikuasai tanpa menyampaikan cara memperolehnya dari KPU Provinsi Jawa Barat.',
      },
      uploads: [],
    });
    at(2, 11);
    await decideObjection(ctx, atasan, {
      ...o,
      objectionId: filed.objectionId,
      data: {
        outcome: 'GRANTED',
        order:
          'Teruskan permohonan kepada PPID KPU Provinsi Jawa Barat dan sampaikan kepada pemohon rekapitulasi tingkat kota yang dikuasai KPU Kota Bandung.',
        orderDays: '10',
      },
    });
  }

  // 3. A fee objection at the desk, settled by agreement (musyawarah, Pasal 35(2)).
  const fee = byName('Bambang Sutrisno');
  if (fee) {
    at(2, 9);
    const filed = await fileObjection(ctx, desk, {
      ...o,
      channel: 'WALK_IN',
      requestNumber: fee.number,
      data: {
        grounds: ['f'],
        caseDescription:
          'Biaya fotokopi 46 lembar dinilai terlalu tinggi karena sebagian lampiran tersedia dalam bentuk softcopy.',
      },
      uploads: [],
    });
    at(1, 15);
    await settleObjection(ctx, atasan, {
      ...o,
      objectionId: filed.objectionId,
      data: {
        agreement:
          'Lampiran yang tersedia dalam softcopy dikirim melalui email tanpa biaya; biaya fotokopi hanya untuk berita acara (12 lembar).',
      },
    });
  }

  // 4. Never answered: the requester objects by letter; it waits for the Atasan PPID.
  const overdue = byName('Forum Pemantau Pemilu Jawa Barat');
  if (overdue) {
    at(1, 9);
    await fileObjection(ctx, desk, {
      ...o,
      channel: 'LETTER',
      requestNumber: overdue.number,
      data: {
        grounds: ['c', 'g'],
        caseDescription:
          'Sampai tenggat pemberitahuan tertulis lewat, permohonan rincian realisasi anggaran hibah belum ditanggapi.',
      },
      uploads: [],
    });
  }
}
