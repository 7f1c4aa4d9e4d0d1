import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateOfficeSettings } from '../../src/modules/offices/update-office-settings.ts';
import { completeDipStep } from '../../src/modules/dip/complete-step.ts';
import { listStepRuns, listVersions } from '../../src/modules/dip/queries.ts';
import { saveDipEntry } from '../../src/modules/dip/save-dip-entry.ts';
import { startDipCycle } from '../../src/modules/dip/start-cycle.ts';
import { adoptSopTemplate } from '../../src/modules/sops/adopt-sop-template.ts';
import { findSopBySlug } from '../../src/modules/sops/queries.ts';
import { dipTeam, entry } from '../helpers/dip-fixtures.ts';
import { office, TEST_PASSWORD } from '../helpers/factories.ts';
import { readDipPdf } from '../helpers/dip-pdf.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// The documents a DIP cycle produces, read back from the PDFs: the lembar disposisi, the nota
// dinas (a KONSEP until signed), the Keputusan penetapan DIP with its annex, the DIP in the
// Model PPID-A layout with letterhead and decree, and the SOP document.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let team: Awaited<ReturnType<typeof dipTeam>>;
let officeId: string;
let cycleId: string;
let ppid: TestClient;
const ctx = () => ({ db: t.db.db, clock: t.clock });

async function pdfAt(url: string) {
  const res = await ppid.get(url);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return readDipPdf(res.rawPayload);
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-01-05T02:00:00Z' });
  team = await dipTeam(t.db.db, t.clock, OFFICE);
  officeId = (await office(t.db.db, OFFICE)).id;
  await updateOfficeSettings(ctx(), team.admin, {
    officeId,
    settings: {
      letterhead: {
        address: 'Jalan Sanggar Kencana Utama No. 11, Kota Bandung 40286',
        phone: '(022) 7561 441',
        city: 'Bandung',
      },
    },
  });
  cycleId = (await startDipCycle(ctx(), team.ppid, { officeId, data: { year: 2026 } })).id;
  ppid = new TestClient(t.app);
  await ppid.login(team.ppid.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

const step = (actor: typeof team.ppid, position: number, data: Record<string, string> = {}) =>
  completeDipStep(ctx(), actor, { officeId, cycleId, position, data });
const runOf = async (position: number) =>
  (await listStepRuns(t.db.db, officeId, cycleId)).find(
    (r) => r.position === position && r.outcome === 'COMPLETED',
  )!;

describe('the documents of a DIP cycle', () => {
  it('prints the disposition with who gave it to whom', async () => {
    await step(team.atasan, 1, {
      documentTo: 'Kepala Subbagian Teknis',
      note: 'Susun Daftar Informasi Publik Tahun 2026 sesuai SOP.',
    });
    const { text } = await pdfAt(`/staff/${OFFICE}/dip/siklus/${cycleId}/dokumen/${(await runOf(1)).id}.pdf`);
    const page = text.join(' ');
    expect(page).toContain('KOMISI PEMILIHAN UMUM');
    expect(page).toContain('KOTA BANDUNG');
    expect(page).toContain('Jalan Sanggar Kencana Utama No. 11');
    expect(page).toContain('LEMBAR DISPOSISI');
    expect(page).toContain('Kepala Subbagian Teknis');
    expect(page).toContain('Susun Daftar Informasi Publik Tahun 2026 sesuai SOP.');
    expect(page).toContain('Dadang Suherman');
    expect(page).toContain('Bandung, 5 Januari 2026');
  });

  it('prints the nota dinas as a KONSEP until the Sekretaris (Atasan PPID) signs it', async () => {
    await step(team.ppid, 2, { documentTo: 'Kasubbag', note: 'Koordinasikan.' });
    await step(team.petugas, 3, {
      documentNumber: '012/PP.07-ND/3273/2026',
      documentTo: 'Para Kepala Subbagian',
      documentSubject: 'Penyusunan Daftar Informasi Publik Tahun 2026',
      note: 'Dengan hormat, mohon setiap subbagian menyampaikan usulan informasi publik.',
    });
    const url = `/staff/${OFFICE}/dip/siklus/${cycleId}/dokumen/${(await runOf(3)).id}.pdf`;
    const draft = (await pdfAt(url)).text.join(' ');
    expect(draft).toContain('NOTA DINAS');
    expect(draft).toContain('Nomor: 012/PP.07-ND/3273/2026');
    expect(draft).toContain('Perihal');
    expect(draft).toContain('KONSEP');
    await step(team.ppid, 4);
    await step(team.ppid, 5);
    await step(team.atasan, 6);
    const signed = (await pdfAt(url)).text.join(' ');
    expect(signed).not.toContain('KONSEP');
    expect(signed).toContain('Sekretaris,');
    expect(signed).toContain('Dadang Suherman');
  });

  it('prints the decree setting the DIP, with number, date and the DIP as its annex', async () => {
    for (const [title, category] of [
      ['Laporan Keuangan Tahun 2025', 'BERKALA'],
      ['Informasi keadaan darurat di kantor', 'SERTA_MERTA'],
      ['Keputusan KPU Kota Bandung dan pertimbangannya', 'SETIAP_SAAT'],
    ] as const) {
      await saveDipEntry(ctx(), team.ppid, { officeId, data: entry({ documentTitle: title, category }) });
    }
    await step(team.ppid, 7);
    await step(team.ppid, 8);
    await step(team.atasan, 9);
    await step(team.tim, 10);
    await step(team.pembina, 11, {
      decreeNumber: '15/PP.07-Kpt/3273/2026',
      decreeDate: '2026-01-20',
      decreeSignerName: 'Hj. Euis Kurniasih',
      decreeSignerTitle: 'Ketua Komisi Pemilihan Umum Kota Bandung',
    });
    const { text } = await pdfAt(`/staff/${OFFICE}/dip/siklus/${cycleId}/keputusan.pdf`);
    const all = text.join(' ');
    expect(all).toContain('KEPUTUSAN KETUA KOMISI PEMILIHAN UMUM KOTA BANDUNG');
    expect(all).toContain('NOMOR 15/PP.07-Kpt/3273/2026');
    expect(all).toContain('PENETAPAN DAFTAR INFORMASI PUBLIK');
    expect(all).toContain('Menimbang');
    expect(all).toContain('Pasal 11 ayat (1) huruf a Undang-Undang Nomor 14 Tahun 2008');
    expect(all).toContain('MEMUTUSKAN');
    expect(all).toContain('sebanyak 3 informasi');
    expect(all).toContain('Ditetapkan di Bandung');
    expect(all).toContain('20 Januari 2026');
    expect(all).toContain('Hj. Euis Kurniasih');
    expect(text.length).toBeGreaterThanOrEqual(2);
    expect(text.at(-1)).toContain('LAMPIRAN KEPUTUSAN');
    expect(text.at(-1)).toContain('Laporan Keuangan Tahun 2025');
  });

  it('prints the published DIP in the Model PPID-A layout, on landscape F4, with letterhead and decree', async () => {
    await step(team.ppid, 12);
    const [version] = await listVersions(t.db.db, officeId);
    const { text, width, height, title } = await pdfAt(`/staff/${OFFICE}/dip/versi/${version!.id}/dip.pdf`);
    expect(width).toBeGreaterThan(height);
    expect(Math.round(height)).toBe(609);
    expect(title).toBe('Daftar Informasi Publik KPU Kota Bandung Tahun 2026');
    const all = text.join(' ');
    for (const s of [
      'DAFTAR INFORMASI PUBLIK',
      'TAHUN 2026',
      'Lampiran Keputusan Ketua Komisi Pemilihan Umum Kota Bandung Nomor 15/PP.07-Kpt/3273/2026 tanggal 20 Januari 2026',
      'A. Informasi yang Wajib Disediakan dan Diumumkan Secara Berkala',
      'B. Informasi yang Wajib Diumumkan Secara Serta-Merta',
      'C. Informasi yang Wajib Tersedia Setiap Saat',
      'Nama Dokumen',
      'Ringkasan Isi Dokumen',
      'Retensi Arsip',
      'Informasi keadaan darurat di kantor',
      'Softcopy (PDF), Hardcopy',
      'Halaman 1 dari',
    ]) {
      expect(all, s).toContain(s);
    }
    // The same on the public side, by year.
    const pub = await t.app.inject(`/${OFFICE}/dip/2026/dip.pdf`);
    expect(pub.statusCode).toBe(200);
    expect((await readDipPdf(pub.rawPayload)).text.join(' ')).toContain(
      'Keputusan KPU Kota Bandung dan pertimbangannya',
    );
  });

  it('prints an SOP of the register as the standard SOP document', async () => {
    // The office's own identity (issue 13 item 8); here the same as the seed's, printed as given.
    const data = {
      number: '/PP.07-SOP/17/2022',
      approverTitle: 'Sekretaris KPU Kota Bandung',
      approverName: 'Kemas Mohammad Ajir',
      madeOn: 'Juni 2022',
      approvedOn: 'Juli 2022',
      effectiveOn: 'Juli 2022',
    };
    await adoptSopTemplate(ctx(), team.admin, { officeId, templateKey: 'seed-000', data });
    const sop = await findSopBySlug(t.db.db, officeId, 'penyusunan-dip');
    const res = await t.app.inject(`/${OFFICE}/sop/penyusunan-dip/sop.pdf`);
    expect(res.statusCode).toBe(200);
    const { text } = await readDipPdf(res.rawPayload);
    const all = text.join(' ');
    for (const s of [
      'STANDAR OPERASIONAL PROSEDUR',
      'PENYUSUNAN DAFTAR INFORMASI PUBLIK',
      'Nomor SOP',
      '/PP.07-SOP/17/2022',
      'Dasar Hukum',
      'Kualifikasi Pelaksana',
      'Peringatan',
      'Pencatatan dan Pendataan',
      'Kemas Mohammad Ajir',
      'Menugaskan Kabag untuk menyusun daftar informasi publik',
      'Mutu Baku',
      '1 (satu) minggu',
      '✓',
    ]) {
      expect(all, s).toContain(s);
    }
    expect(sop?.organization[0]).toBe('KOMISI PEMILIHAN UMUM KOTA BANDUNG');
  });
});
