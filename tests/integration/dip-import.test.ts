import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeDipStep } from '../../src/modules/dip/complete-step.ts';
import { findActiveCycle, listWorkingEntries } from '../../src/modules/dip/queries.ts';
import { startDipCycle } from '../../src/modules/dip/start-cycle.ts';
import { findTable, readImportRows } from '../../src/modules/dip/import-rows.ts';
import { readSpreadsheet } from '../../src/modules/dip/read-spreadsheet.ts';
import { createApiToken } from '../../src/modules/people/api-tokens.ts';
import { dipTeam, postMultipart } from '../helpers/dip-fixtures.ts';
import { office, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Offices keep their DIP in Excel. An import shows every row with its problems and saves
// all rows or none.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let team: Awaited<ReturnType<typeof dipTeam>>;
let officeId: string;
let cycleId: string;
let ppid: TestClient;

const HEADER = [
  'No.',
  'Nama Dokumen',
  'Ringkasan Isi Dokumen',
  'Unit Kerja/Satker yang Menguasai Dokumen',
  'Pejabat Penanggung Jawab Penerbitan Informasi',
  'Waktu dan Tempat Penerbitan (atau Jadwal) Informasi',
  'Bentuk Informasi yang Tersedia',
  'Jangka Waktu Penyimpanan/Retensi Arsip',
  'DIP Pemilu',
];

type Row = (string | number)[];
const row = (
  no: number,
  title: string,
  summary: string,
  forms = 'Softcopy (PDF), Hardcopy',
  pemilu = 'Tidak',
): Row => [
  no,
  title,
  summary,
  'Subbagian Keuangan, Umum dan Logistik',
  'Sekretaris KPU Kota Bandung',
  'Setiap tahun, Kantor KPU Kota Bandung',
  forms,
  '5 tahun',
  pemilu,
];

/** An XLSX laid out as offices do: title rows, header, column numbers, category section rows. */
async function dipWorkbook(broken: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DIP 2026');
  ws.addRow(['DAFTAR INFORMASI PUBLIK']);
  ws.addRow(['KOMISI PEMILIHAN UMUM KOTA BANDUNG TAHUN 2026']);
  ws.addRow([]);
  ws.addRow(HEADER);
  ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)']);
  ws.addRow(['A.', 'INFORMASI YANG WAJIB DISEDIAKAN DAN DIUMUMKAN SECARA BERKALA']);
  ws.addRow(
    row(
      1,
      'Laporan Keuangan Tahun 2025',
      'Neraca, laporan realisasi anggaran dan catatan atas laporan keuangan',
    ),
  );
  ws.addRow(row(2, 'Daftar Isian Pelaksanaan Anggaran 2026', broken ? '' : 'Pagu anggaran per program'));
  ws.addRow(
    row(
      3,
      'Rencana Strategis 2025–2029',
      'Visi, misi, sasaran strategis',
      broken ? 'Softcopy (PDF), disket' : 'Softcopy (PDF)',
    ),
  );
  ws.addRow(row(4, 'Jadwal Tahapan Pemilihan 2026', 'Tahapan dan jadwal pemilihan', 'Softcopy (PDF)', 'Ya'));
  ws.addRow(['B.', 'INFORMASI YANG WAJIB DIUMUMKAN SECARA SERTA MERTA']);
  ws.addRow(row(5, 'Informasi keadaan darurat di kantor', 'Prosedur evakuasi dan titik kumpul', 'Hardcopy'));
  ws.addRow(['C.', 'INFORMASI YANG WAJIB TERSEDIA SETIAP SAAT']);
  ws.addRow(row(6, 'Formulir permohonan informasi publik', 'Formulir Model PPID-B'));
  ws.addRow(
    row(
      7,
      broken ? 'Formulir permohonan informasi publik' : 'Formulir pernyataan keberatan',
      'Formulir Model PPID-F',
    ),
  );
  const richRow = ws.addRow(row(8, 'Keputusan KPU Kota Bandung', 'Keputusan dan pertimbangannya'));
  richRow.getCell(2).value = {
    richText: [{ text: 'Keputusan ', font: { bold: true } }, { text: 'KPU Kota Bandung' }],
  };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-01-12T02:00:00Z' });
  team = await dipTeam(t.db.db, t.clock, OFFICE);
  officeId = (await office(t.db.db, OFFICE)).id;
  cycleId = (
    await startDipCycle({ db: t.db.db, clock: t.clock }, team.ppid, { officeId, data: { year: 2026 } })
  ).id;
  ppid = new TestClient(t.app);
  await ppid.login(team.ppid.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

const entries = () => listWorkingEntries(t.db.db, officeId, cycleId);
const importPage = `/staff/${OFFICE}/dip/impor`;

describe('importing a DIP kept in Excel', () => {
  it('reports every bad row and saves nothing', async () => {
    const res = await postMultipart(
      t.app,
      ppid,
      importPage,
      {},
      [{ name: 'file', filename: 'DIP 2026.xlsx', bytes: await dipWorkbook(true) }],
      importPage,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('3 dari 8 baris bermasalah');
    const problemRows = [...res.body.matchAll(/<tr class="row-error"><td>(\d+)<\/td>/g)].map((m) =>
      Number(m[1]),
    );
    expect(problemRows).toEqual([8, 9, 15]);
    expect(res.body).toContain('Ringkasan isi dokumen: Wajib diisi.');
    expect(res.body).toContain('Tidak dikenali: disket');
    expect(res.body).toContain('Sama dengan baris 14 dalam berkas ini.');
    expect(res.body).not.toContain('name="fileId"');
    expect(await entries()).toHaveLength(0);
  });

  it('previews a correct file row by row, then adds all rows on confirmation', async () => {
    const res = await postMultipart(
      t.app,
      ppid,
      importPage,
      {},
      [{ name: 'file', filename: 'DIP 2026.xlsx', bytes: await dipWorkbook(false) }],
      importPage,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Semua 8 baris siap dimasukkan ke draf DIP.');
    expect(await entries()).toHaveLength(0);
    const fileId = /name="fileId" value="([^"]+)"/.exec(res.body)![1]!;
    const done = await ppid.post(`${importPage}/konfirmasi`, { fileId }, { csrfFrom: importPage });
    expect(done.statusCode).toBe(302);
    const saved = await entries();
    expect(saved).toHaveLength(8);
    const byTitle = new Map(saved.map((e) => [e.documentTitle, e]));
    expect(byTitle.get('Jadwal Tahapan Pemilihan 2026')).toMatchObject({
      category: 'BERKALA',
      isElection: true,
      status: 'INCLUDED',
      formats: ['SOFTCOPY'],
      fileTypes: ['PDF'],
    });
    expect(byTitle.get('Informasi keadaan darurat di kantor')).toMatchObject({
      category: 'SERTA_MERTA',
      formats: ['HARDCOPY'],
    });
    expect(byTitle.get('Keputusan KPU Kota Bandung')?.category).toBe('SETIAP_SAAT');
    // The same file again: every row is already in the DIP, nothing is added twice.
    const again = await ppid.post(`${importPage}/konfirmasi`, { fileId }, { csrfFrom: importPage });
    expect(again.statusCode).toBe(400);
    expect(await entries()).toHaveLength(8);
  });

  it('reads a semicolon CSV as Excel saves it in Indonesia, and a unit imports as its own proposals', async () => {
    const csv = [
      'Nama Dokumen;Ringkasan Isi Dokumen;Unit Kerja yang Menguasai;Pejabat Penanggung Jawab;Waktu dan Tempat Penerbitan;Bentuk Informasi;Retensi;Kategori',
      'Materi sosialisasi pemilih pemula;Bahan sosialisasi untuk sekolah;Subbagian Teknis;Kasubbag Teknis;"Maret 2026; SMA se-Kota Bandung";Softcopy (PDF, MP4);2 tahun;Berkala',
    ].join('\r\n');
    // Units may import only while the cycle collects proposals: move the cycle to step 7.
    const c = { db: t.db.db, clock: t.clock };
    const data = [
      { documentTo: 'Kabag', note: 'Susun DIP' },
      { documentTo: 'Kasubbag', note: 'Koordinasikan' },
      { documentNumber: '1/ND/2026', documentTo: 'Kasubbag', documentSubject: 'DIP', note: 'Isi' },
      {},
      {},
      {},
    ];
    const actors = [team.atasan, team.ppid, team.petugas, team.ppid, team.ppid, team.atasan];
    for (let i = 0; i < 6; i++)
      await completeDipStep(c, actors[i]!, { officeId, cycleId, position: i + 1, data: data[i]! });
    const unit = new TestClient(t.app);
    await unit.login(team.unitAStaff.email, TEST_PASSWORD);
    const res = await postMultipart(
      t.app,
      unit,
      importPage,
      {},
      [{ name: 'file', filename: 'usulan.csv', bytes: Buffer.from(`\uFEFF${csv}`, 'utf8') }],
      importPage,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Semua 1 baris siap diajukan sebagai usulan unit Anda.');
    const fileId = /name="fileId" value="([^"]+)"/.exec(res.body)![1]!;
    // Another person cannot confirm someone else's upload.
    expect(
      (await ppid.post(`${importPage}/konfirmasi`, { fileId }, { csrfFrom: importPage })).statusCode,
    ).toBe(404);
    expect(
      (await unit.post(`${importPage}/konfirmasi`, { fileId }, { csrfFrom: importPage })).statusCode,
    ).toBe(302);
    const mine = await listWorkingEntries(t.db.db, officeId, cycleId, { unitId: team.unitA.id });
    expect(mine.map((e) => [e.documentTitle, e.status, e.timeAndPlace, e.fileTypes])).toEqual([
      ['Materi sosialisasi pemilih pemula', 'PROPOSED', 'Maret 2026; SMA se-Kota Bandung', ['PDF', 'MP4']],
    ]);
  });

  it('checks uploads by content: a renamed file, an empty file or a sheet without the columns is refused', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf000000030101006d3f7e9a0000000049454e44ae426082',
      'hex',
    );
    const fake = await postMultipart(
      t.app,
      ppid,
      importPage,
      {},
      [{ name: 'file', filename: 'dip.xlsx', bytes: png }],
      importPage,
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.body).toContain('Jenis berkas tidak diterima');
    const none = await postMultipart(t.app, ppid, importPage, {}, [], importPage);
    expect(none.statusCode).toBe(400);
    const wrong = await postMultipart(
      t.app,
      ppid,
      importPage,
      {},
      [{ name: 'file', filename: 'x.csv', bytes: Buffer.from('a,b,c\n1,2,3\n') }],
      importPage,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Judul kolom Model PPID-A tidak ditemukan');
  });

  it('exports the draft in the Model PPID-A layout that the import reads back unchanged', async () => {
    const res = await ppid.get(`/staff/${OFFICE}/dip/ekspor.xlsx`);
    expect(res.statusCode).toBe(200);
    const table = findTable(
      await readSpreadsheet(
        res.rawPayload,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    );
    expect(table.ok).toBe(true);
    const rows = readImportRows((table as Extract<typeof table, { ok: true }>).table);
    const included = await listWorkingEntries(t.db.db, officeId, cycleId, { status: ['INCLUDED'] });
    expect(rows.every((r) => r.errors.length === 0)).toBe(true);
    const strip = ({ archiveItemIds: _a, ...c }: Record<string, unknown>) => c;
    expect(
      rows
        .map((r) => strip(r.content! as unknown as Record<string, unknown>))
        .sort((a, b) => String(a.documentTitle).localeCompare(String(b.documentTitle))),
    ).toEqual(
      included
        .map((e) => ({
          category: e.category,
          documentTitle: e.documentTitle,
          summary: e.summary,
          holdingUnit: e.holdingUnit,
          responsibleOfficial: e.responsibleOfficial,
          timeAndPlace: e.timeAndPlace,
          formats: e.formats,
          fileTypes: e.fileTypes,
          retention: e.retention,
          isElection: e.isElection,
        }))
        .sort((a, b) => a.documentTitle.localeCompare(b.documentTitle)),
    );
    const csv = await ppid.get(`/staff/${OFFICE}/dip/ekspor.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFNo.,Nama Dokumen,')).toBe(true);
  });
});

describe('the staff API import', () => {
  it('answers a dry run row by row, refuses a file with bad rows whole, and imports a good one', async () => {
    const { token } = await createApiToken({ db: t.db.db, clock: t.clock }, team.admin, {
      officeId,
      data: { name: 'Integrasi SIAP', role: 'PPID' },
    });
    expect((await findActiveCycle(t.db.db, officeId))?.currentPosition).toBe(7);
    const call = async (bytes: Buffer, dryRun: boolean) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/staff/offices/${OFFICE}/dip/import`,
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
        payload: { filename: 'dip.xlsx', content: bytes.toString('base64'), dryRun },
      });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DIP');
    ws.addRow([...HEADER, 'Kategori']);
    ws.addRow([...row(1, 'Laporan kinerja 2025', 'Capaian kinerja'), 'Berkala']);
    ws.addRow([...row(2, 'Daftar aset', ''), 'Berkala']);
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = await call(bad, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      errorRows: 1,
      added: 0,
      rows: [
        { row: 2, ok: true },
        { row: 3, ok: false, problems: [{ field: 'summary', message: 'Required.' }] },
      ],
    });
    const refused = await call(bad, false);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { field: '3:summary', message: 'Row 3, Summary: Required.' },
    ]);
    expect(
      (await listWorkingEntries(t.db.db, officeId, cycleId)).some(
        (e) => e.documentTitle === 'Laporan kinerja 2025',
      ),
    ).toBe(false);
    ws.getRow(3).getCell(3).value = 'Daftar barang milik negara';
    const ok = await call(Buffer.from(await wb.xlsx.writeBuffer()), false);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().added).toBe(2);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/offices/${OFFICE}/dip/import`,
      payload: { filename: 'x.csv', content: 'YQ==' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
