import { ManualClock } from '../../platform/clock.ts';
import type { Actor } from '../access/actor.ts';
import { addCalendarDays, localDateTime } from '../calendar/working-days.ts';
import type { DemoCtx } from '../demo/seed-demo.ts';
import { findOfficeBySlug } from '../offices/queries.ts';
import { actorForUser } from '../people/load-actor.ts';
import { findUserByEmail } from '../people/queries.ts';
import { decideApproval } from './decide-approval.ts';
import { expireExemptionEntries } from './expire-exemption-entries.ts';
import { saveConsequenceTest } from './save-consequence-test.ts';
import { saveDecree } from './save-decree.ts';
import { saveExemptionEntry } from './save-exemption-entry.ts';
import { submitForApproval } from './submit-for-approval.ts';

// Demo exempt information (issue 10): a KPU RI decree that reaches every office below, with the
// personal data on voter and candidate forms (regulation.md §5.3, Kep. KPU 169/2015 style
// "until the person named consents in writing"); a KPU Kota Bandung decree of its own with one
// entry that has since expired (the sweep ends it and proposes it for the DIP). The refusal in
// the demo requests cites the KPU RI entry on candidates' health records.

const UNTIL_CONSENT =
  'sampai yang bersangkutan memberikan persetujuan tertulis dan/atau terkait dengan jabatannya dalam jabatan publik';

export async function seedDemoExemptions(base: DemoCtx): Promise<void> {
  const [ri, bandung] = await Promise.all([
    findOfficeBySlug(base.db, 'kpu-ri'),
    findOfficeBySlug(base.db, 'kpu-kota-bandung'),
  ]);
  if (!ri || !bandung) return;
  const actorOf = async (email: string): Promise<Actor | null> => {
    const user = await findUserByEmail(base.db, email);
    return user ? actorForUser(base.db, user, base.clock.now(), null) : null;
  };
  const [ppidRi, pembinaRi, timRi, atasanRi, ppid, pembina, tim, atasan] = await Promise.all(
    [
      'ppid.ri',
      'pembina.ri',
      'tim.ri',
      'atasan.ri',
      'ppid.bandung',
      'pembina.bandung',
      'tim.bandung',
      'atasan.bandung',
    ].map((n) => actorOf(`${n}@demo.terbuka.test`)),
  );
  if (!ppidRi || !pembinaRi || !timRi || !atasanRi || !ppid || !pembina || !tim || !atasan) return;
  const clock = new ManualClock(base.clock.now());
  const ctx = { db: base.db, clock };
  const today = localDateTime(base.clock.now(), 'Asia/Jakarta').date;
  const day = (daysAgo: number) => addCalendarDays(today, -daysAgo);
  const at = (daysAgo: number, hour = 9) =>
    clock.set(new Date(`${day(daysAgo)}T${String(hour).padStart(2, '0')}:00:00+07:00`));
  const chain = async (officeId: string, subject: 'TEST' | 'DECREE', id: string, who: Actor[]) => {
    for (const a of who)
      await decideApproval(ctx, a, { officeId, subject, id, data: { decision: 'APPROVED' } });
  };

  // KPU RI: consequence test and decree for every office below.
  at(60);
  const riTest = await saveConsequenceTest(ctx, ppidRi, {
    officeId: ri.id,
    data: {
      documentKind: 'DESCRIBED',
      documentDescription:
        'Formulir Model A.3-KWK (daftar pemilih), Model B.1-KWK (dukungan calon perseorangan) dan dokumen persyaratan kesehatan bakal calon',
      information:
        'Data pribadi pemilih dan bakal calon: NIK, nomor KK, tanggal lahir, alamat lengkap, riwayat kesehatan jasmani dan rohani',
      ground: 'h',
      subPoint: '1',
      otherStatute:
        'Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi, Pasal 4; Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan, Pasal 79',
      harmAnalysis:
        'Membuka data kependudukan dan riwayat kesehatan memungkinkan penyalahgunaan identitas, diskriminasi dan pelanggaran hak atas privasi pemilih dan bakal calon.',
      publicInterest:
        'Kepentingan publik atas daftar pemilih yang akurat dan calon yang memenuhi syarat terpenuhi melalui pengumuman DPT dengan NIK tersamar dan status memenuhi syarat kesehatan.',
      propriety:
        'Tidak patut dan tidak sesuai kesusilaan membuka rahasia pribadi seseorang tanpa persetujuannya.',
      closed: 'CLOSED',
      whole: 'PART',
      periodCondition: UNTIL_CONSENT,
      occasion: 'BEFORE_REQUEST',
      place: 'Jakarta',
      heldOn: day(60),
      participants:
        'PPID KPU RI — Pejabat Pengelola Informasi dan Dokumentasi\nTim Pertimbangan KPU RI — Tim Pertimbangan\nSekretaris Jenderal KPU — Atasan PPID',
    },
  });
  await submitForApproval(ctx, ppidRi, { officeId: ri.id, subject: 'TEST', id: riTest.id });
  await chain(ri.id, 'TEST', riTest.id, [pembinaRi, timRi, atasanRi]);
  at(55);
  const riDecree = await saveDecree(ctx, ppidRi, {
    officeId: ri.id,
    data: {
      number: `${1000 + Number(day(55).slice(8))}/PP.02-Kpt/01/KPU/${day(55).slice(0, 4)}`,
      decreeDate: day(55),
      title: 'Penetapan Daftar Informasi yang Dikecualikan di Lingkungan Komisi Pemilihan Umum',
      officialName: 'Ketua Komisi Pemilihan Umum',
      officialPosition: 'Ketua Komisi Pemilihan Umum',
      reasons:
        'Berdasarkan hasil uji konsekuensi, data pribadi pemilih dan bakal calon pada formulir pencalonan dan daftar pemilih perlu dikecualikan di seluruh satuan kerja KPU, KPU Provinsi dan KPU/KIP Kabupaten/Kota.',
      reach: 'DESCENDANTS',
      testIds: [riTest.id],
    },
  });
  for (const e of [
    {
      information:
        'Data pribadi pemilih pada formulir Model A.3-KWK (NIK, nomor KK, tanggal lahir, alamat lengkap)',
      subPoint: '1',
      holderUnit: 'Bagian/Subbagian Perencanaan, Data dan Informasi',
    },
    {
      information: 'Salinan KTP-el dan data pribadi pendukung calon perseorangan pada formulir Model B.1-KWK',
      subPoint: '1',
      holderUnit: 'Bagian/Subbagian Teknis Penyelenggaraan Pemilu',
    },
    {
      information: 'Hasil pemeriksaan kesehatan jasmani, rohani dan bebas narkotika bakal calon',
      subPoint: '2',
      holderUnit: 'Bagian/Subbagian Teknis Penyelenggaraan Pemilu',
    },
  ]) {
    await saveExemptionEntry(ctx, ppidRi, {
      officeId: ri.id,
      decreeId: riDecree.id,
      data: {
        ...e,
        ground: 'h',
        legalBasis:
          'UU 27/2022 tentang Pelindungan Data Pribadi; UU 24/2013 tentang Administrasi Kependudukan',
        consideration:
          'Membuka data pribadi merugikan pemilih dan bakal calon; kepentingan publik terpenuhi melalui pengumuman yang menyamarkan data pribadi.',
        whole: 'PART',
        periodCondition: UNTIL_CONSENT,
        testId: riTest.id,
      },
    });
  }
  await submitForApproval(ctx, ppidRi, { officeId: ri.id, subject: 'DECREE', id: riDecree.id });
  at(54);
  await chain(ri.id, 'DECREE', riDecree.id, [pembinaRi, timRi, atasanRi]);

  // KPU Kota Bandung: a decree of its own, one entry of which has since expired.
  at(400);
  const test = await saveConsequenceTest(ctx, ppid, {
    officeId: bandung.id,
    data: {
      documentKind: 'DESCRIBED',
      documentDescription: 'Nota dinas dan rancangan jadwal pengadaan logistik pemungutan suara ulang',
      information: 'Rancangan jadwal dan harga perkiraan sendiri pengadaan logistik sebelum lelang diumumkan',
      ground: 'i',
      otherStatute:
        'Peraturan Presiden Nomor 16 Tahun 2018 tentang Pengadaan Barang/Jasa Pemerintah, Pasal 26',
      harmAnalysis:
        'Membuka harga perkiraan sendiri sebelum lelang dapat mengganggu persaingan yang sehat dan merugikan keuangan negara dalam pengadaan logistik.',
      publicInterest:
        'Kepentingan publik atas pengadaan yang transparan terpenuhi setelah pengumuman lelang dan penetapan pemenang, ketika dokumen dibuka seluruhnya.',
      propriety:
        'Dokumen internal yang belum final menurut sifatnya dirahasiakan sampai proses pengadaan diumumkan.',
      closed: 'CLOSED',
      whole: 'WHOLE',
      periodUntil: day(30),
      occasion: 'BEFORE_REQUEST',
      place: 'Bandung',
      heldOn: day(400),
      participants:
        'Rina Kusumawati — PPID KPU Kota Bandung\nTim Pertimbangan Kota Bandung — Tim Pertimbangan\nDadang Suherman — Atasan PPID',
    },
  });
  await submitForApproval(ctx, ppid, { officeId: bandung.id, subject: 'TEST', id: test.id });
  await chain(bandung.id, 'TEST', test.id, [pembina, tim, atasan]);
  const decree = await saveDecree(ctx, ppid, {
    officeId: bandung.id,
    data: {
      number: `7/PP.02-Kpt/3273/KPU-Kot/${day(400).slice(0, 4)}`,
      decreeDate: day(399),
      title: 'Penetapan Daftar Informasi yang Dikecualikan di Lingkungan KPU Kota Bandung',
      officialName: 'Rina Kusumawati',
      officialPosition: 'PPID KPU Kota Bandung',
      reasons:
        'Berdasarkan uji konsekuensi atas dokumen pengadaan dan catatan kesehatan badan ad hoc, informasi tersebut perlu dikecualikan untuk jangka waktu tertentu.',
      reach: 'OFFICE',
      testIds: [test.id],
    },
  });
  await saveExemptionEntry(ctx, ppid, {
    officeId: bandung.id,
    decreeId: decree.id,
    data: {
      information: 'Rancangan jadwal dan harga perkiraan sendiri pengadaan logistik pemungutan suara ulang',
      holderUnit: 'Subbagian Keuangan, Umum dan Logistik',
      ground: 'i',
      legalBasis: 'Perpres 16/2018 tentang Pengadaan Barang/Jasa Pemerintah',
      consideration:
        'Membuka HPS sebelum lelang merugikan keuangan negara; setelah pengumuman lelang dokumen dibuka seluruhnya.',
      whole: 'WHOLE',
      periodUntil: day(30),
      testId: test.id,
    },
  });
  await saveExemptionEntry(ctx, ppid, {
    officeId: bandung.id,
    decreeId: decree.id,
    data: {
      information: 'Catatan kesehatan dan surat keterangan sakit anggota badan ad hoc (PPK, PPS, KPPS)',
      holderUnit: 'Subbagian Hukum dan Sumber Daya Manusia',
      ground: 'h',
      subPoint: '2',
      legalBasis: 'UU 17/2023 tentang Kesehatan, Pasal 4',
      consideration:
        'Membuka catatan kesehatan merugikan anggota badan ad hoc; kepentingan publik terpenuhi melalui data agregat petugas yang sakit.',
      whole: 'WHOLE',
      periodCondition: UNTIL_CONSENT,
    },
  });
  await submitForApproval(ctx, ppid, { officeId: bandung.id, subject: 'DECREE', id: decree.id });
  await chain(bandung.id, 'DECREE', decree.id, [pembina, tim, atasan]);

  // The sweep ends the entry whose period has passed (and tells the PPID).
  clock.set(base.clock.now());
  await expireExemptionEntries({ ...ctx, publicUrl: base.publicUrl });
}
