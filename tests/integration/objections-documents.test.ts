import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor } from '../../src/modules/access/actor.ts';
import { buildDisputeBundle } from '../../src/modules/objections/build-dispute-bundle.ts';
import { buildObjectionRegister } from '../../src/modules/objections/build-objection-register.ts';
import { buildObjectionReport } from '../../src/modules/objections/build-objection-report.ts';
import { objectionReportTables } from '../../src/modules/objections/objection-report-tables.ts';
import { buildServiceReport } from '../../src/modules/requests/build-service-report.ts';
import { issuedByOf } from '../../src/modules/requests/officer.ts';
import { renderServiceReportPdf } from '../../src/modules/requests/pdf/service-report-pdf.ts';
import { decideObjection } from '../../src/modules/objections/decide-objection.ts';
import { fileObjection } from '../../src/modules/objections/file-objection.ts';
import { renderObjectionDocument } from '../../src/modules/objections/objection-documents.ts';
import { renderObjectionRegisterPdf } from '../../src/modules/objections/pdf/objection-register-pdf.ts';
import { recordDispute } from '../../src/modules/objections/record-dispute.ts';
import { recordDisputeStage } from '../../src/modules/objections/record-dispute-stage.ts';
import { settleObjection } from '../../src/modules/objections/settle-objection.ts';
import { getOfficeSettings } from '../../src/modules/offices/queries.ts';
import { updateOfficeSettings } from '../../src/modules/offices/update-office-settings.ts';
import { registerToCsv, registerToXlsx } from '../../src/modules/requests/register-export.ts';
import { createStaff, office } from '../helpers/factories.ts';
import { CASE, objectOnline, refusedRequest } from '../helpers/objections-fixtures.ts';
import { pdfPages, pdfText } from '../helpers/pdf-text.ts';
import { actorOf, pdfDocument, requestsCtx } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { unzip } from '../helpers/zip.ts';

// The letters (Model PPID-F as the numbered receipt, the Tanggapan Atasan PPID) parsed back;
// the Register Keberatan (Model PPID-G) and its exports; the report counts; the dispute bundle.

const OFFICE = 'kpu-kota-bandung';
const OUT = path.resolve(import.meta.dirname, '../../test-results/objections');
let t: TestApp;
let officeId: string;
let desk: Actor;
let ppid: Actor;
let atasan: Actor;
const REASONS =
  'Hasil pemeriksaan kesehatan memuat riwayat kesehatan pribadi calon yang dikecualikan menurut Pasal 17 huruf h angka 2 UU 14/2008.';

let rejected: { number: string; objectionId: string; requestNumber: string; code: string };
let settled: { objectionId: string };
let attorneyObjection: { objectionId: string; number: string };

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  t = await createTestApp({ now: '2026-07-01T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  const settings = await getOfficeSettings(t.db.db, officeId);
  await updateOfficeSettings(requestsCtx(t), cliActor(), {
    officeId,
    settings: {
      ...settings,
      letterhead: {
        ...settings.letterhead,
        address: 'Jalan Sanggar Kencana Utama No. 11, Jatisari, Buahbatu, Kota Bandung 40286',
        phone: '(022) 7561 441',
        city: 'Bandung',
      },
      objections: { ...settings.objections, atasanPosition: 'Sekretaris KPU Kota Bandung' },
    },
  });
  desk = await actorOf(
    t,
    (
      await createStaff(t.db.db, t.clock, {
        name: 'Siti Nurhaliza',
        roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }],
      })
    ).user,
  );
  ppid = await actorOf(
    t,
    (
      await createStaff(t.db.db, t.clock, {
        name: 'Rina Kusumawati',
        roles: [{ office: OFFICE, role: 'PPID' }],
      })
    ).user,
  );
  atasan = await actorOf(
    t,
    (
      await createStaff(t.db.db, t.clock, {
        name: 'Dadang Suherman',
        roles: [{ office: OFFICE, role: 'ATASAN_PPID' }],
      })
    ).user,
  );

  // 1 July: a refusal objected to online and rejected with reasons, then taken to the commission.
  const r1 = await refusedRequest(t, officeId, { desk, ppid });
  const o1 = await objectOnline(t, officeId, r1, { grounds: ['a', 'd'] });
  t.clock.set('2026-07-06T03:00:00Z');
  await decideObjection(requestsCtx(t), atasan, {
    officeId,
    objectionId: o1.objectionId,
    data: { outcome: 'REJECTED', reasons: REASONS },
  });
  rejected = {
    number: o1.number,
    objectionId: o1.objectionId,
    requestNumber: r1.number,
    code: r1.trackingCode,
  };
  await recordDispute(requestsCtx(t), ppid, {
    officeId,
    objectionId: o1.objectionId,
    data: { registrationNumber: '021/REG-PSI/VII/2026', filedOn: '2026-07-06' },
  });
  await recordDisputeStage(requestsCtx(t), ppid, {
    officeId,
    objectionId: o1.objectionId,
    data: { stage: 'MEDIATION', startedOn: '2026-07-06' },
  });

  // A fee objection at the desk by letter, settled by agreement.
  t.clock.set('2026-07-07T03:00:00Z');
  const r2 = await refusedRequest(t, officeId, { desk, ppid });
  const o2 = await fileObjection(requestsCtx(t), desk, {
    officeId,
    channel: 'LETTER',
    requestNumber: r2.number,
    data: { grounds: ['f'], caseDescription: CASE },
    uploads: [],
  });
  await settleObjection(requestsCtx(t), atasan, {
    officeId,
    objectionId: o2.objectionId,
    data: { agreement: 'Biaya penggandaan dibebaskan; salinan dikirim melalui email dalam tiga hari kerja.' },
  });
  settled = o2;

  // Through an attorney, still waiting for the answer.
  const r3 = await refusedRequest(t, officeId, { desk, ppid });
  attorneyObjection = await fileObjection(requestsCtx(t), desk, {
    officeId,
    channel: 'WALK_IN',
    requestNumber: r3.number,
    data: {
      grounds: ['a'],
      caseDescription: CASE,
      attorneyName: 'Budi Santoso, S.H.',
      attorneyAddress: 'Jl. Braga No. 5, Bandung',
      attorneyPhone: '022 4200 100',
    },
    uploads: [
      {
        field: 'powerOfAttorneyFile',
        filename: 'surat-kuasa.pdf',
        bytes: await pdfDocument('Surat kuasa khusus'),
      },
    ],
  });
});
afterAll(async () => {
  await t.close();
});

/** Renders each page at 60 dpi with poppler, so a person can look at it (test-results/objections). */
function renderPng(name: string, bytes: Buffer): void {
  for (const f of readdirSync(OUT))
    if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(path.join(OUT, f));
  const file = path.join(OUT, `${name}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(OUT, name)]);
}

describe('the objection letters', () => {
  it('prints the numbered objection form (Model PPID-F) as the receipt, with every field of regulation.md §4.2', async () => {
    const doc = await renderObjectionDocument(
      requestsCtx(t),
      { kind: 'staff', actor: desk, officeId, objectionId: attorneyObjection.objectionId },
      'pernyataan-keberatan',
    );
    renderPng('pernyataan-keberatan', doc.bytes);
    const pages = await pdfPages(doc.bytes);
    expect(pages).toHaveLength(1); // the form and both signatures on one page
    const text = pages.join('\n');
    for (const expected of [
      'KOMISI PEMILIHAN UMUM',
      'KOTA BANDUNG',
      'PERNYATAAN KEBERATAN ATAS PERMOHONAN INFORMASI',
      'Model PPID-F',
      attorneyObjection.number,
      'Nomor pendaftaran permohonan',
      'Tujuan penggunaan informasi',
      'Penelitian partisipasi pemilih untuk skripsi.',
      'Dewi Lestari',
      'Budi Santoso, S.H.',
      'Jl. Braga No. 5, Bandung',
      'KASUS POSISI',
      'hasil pemeriksaan kesehatan calon',
      'HARI/TANGGAL TANGGAPAN ATAS KEBERATAN',
      '19 Agustus 2026', // 30 WD from 7 July 2026, 17 August skipped
      'Siti Nurhaliza',
      'Pengaju Keberatan',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/☑\s*a\. Penolakan atas permintaan informasi/);
    expect(text).toMatch(/☐\s*c\. Tidak ditanggapinya permintaan informasi/);
    expect(text).not.toContain('3273010501900001'); // no NIK on the form
  });

  it('prints the Tanggapan Atasan PPID with the decision, the reasons, the commission and the signatory', async () => {
    const doc = await renderObjectionDocument(
      requestsCtx(t),
      {
        kind: 'tracking',
        officeId,
        number: rejected.requestNumber,
        code: rejected.code,
        objectionId: rejected.objectionId,
      },
      'tanggapan-atasan-ppid',
    );
    renderPng('tanggapan-atasan-ppid', doc.bytes);
    const pages = await pdfPages(doc.bytes);
    const text = pages.join('\n');
    expect(pages).toHaveLength(1);
    for (const expected of [
      'TANGGAPAN ATASAN PPID ATAS KEBERATAN',
      rejected.number,
      rejected.requestNumber,
      REASONS,
      'Komisi Informasi Provinsi Jawa Barat',
      '24 Juli 2026', // 14 WD after the answer of 6 July
      'Bandung, 6 Juli 2026',
      'Sekretaris KPU Kota Bandung',
      'Dadang Suherman',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/☑\s*Menolak keberatan/);
    expect(text).toMatch(/☐\s*Menerima keberatan seluruhnya/);
    // No answer yet: no letter.
    await expect(
      renderObjectionDocument(
        requestsCtx(t),
        { kind: 'staff', actor: desk, officeId, objectionId: attorneyObjection.objectionId },
        'tanggapan-atasan-ppid',
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the Register Keberatan (Model PPID-G)', () => {
  it('has every column of regulation.md §4.2 and exports to CSV, XLSX and PDF; the public version has no personal data', async () => {
    const register = await buildObjectionRegister(requestsCtx(t), ppid, {
      officeId,
      filter: { from: '2026-07-01', to: '2026-07-31' },
    });
    expect(register.rows).toHaveLength(3);
    const headers = register.columns.map((c) => c.header);
    for (const h of [
      'Nomor registrasi keberatan',
      'Tanggal diterima',
      'Identitas pemohon',
      'Identitas kuasa pemohon',
      'Nomor pendaftaran permohonan',
      'Informasi yang diminta',
      'Tujuan penggunaan informasi',
      'Alasan keberatan (Pasal 35 ayat (1))',
      'Keputusan Atasan PPID',
      'Hari/tanggal tanggapan',
      'Nama dan jabatan Atasan PPID',
      'Tanggapan pemohon',
    ]) {
      expect(headers).toContain(h);
    }
    const first = register.rows.find((r) => r.number === rejected.number)!;
    expect(first).toMatchObject({
      grounds: 'huruf a, huruf d',
      answerDate: 'Senin, 6 Juli 2026',
      atasan: 'Dadang Suherman, Sekretaris KPU Kota Bandung',
      reaction: 'Tidak menerima tanggapan Atasan PPID',
      dispute: 'Komisi Informasi Provinsi Jawa Barat; 021/REG-PSI/VII/2026; Mediasi',
    });
    expect(first.decision).toContain('Keberatan ditolak');
    expect(first.requester).toContain('Dewi Lestari');
    expect(register.rows.find((r) => r.number === attorneyObjection.number)!.attorney).toContain(
      'Budi Santoso',
    );
    expect(register.rows.some((r) => r.decision.startsWith('Selesai dengan musyawarah'))).toBe(true);

    const csv = registerToCsv(register).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toContain('Nama dan jabatan Atasan PPID');
    expect(csv).toContain(rejected.number);

    const workbook = new ExcelJS.Workbook();
    const xlsx = await registerToXlsx(register);
    await workbook.xlsx.load(
      xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('Register PPID-G')!;
    expect(sheet.getCell('A1').text).toContain('REGISTER KEBERATAN (MODEL PPID-G)');
    expect(sheet.getRow(4).values).toEqual(
      expect.arrayContaining(['Tanggapan pemohon', 'Identitas kuasa pemohon']),
    );
    expect(sheet.getCell('A5').value).toBe(1);
    expect(sheet.rowCount).toBe(7);

    const pdf = await renderObjectionRegisterPdf(register, t.clock.now());
    renderPng('register-keberatan', pdf);
    const text = await pdfText(pdf);
    expect(text).toContain('REGISTER KEBERATAN (MODEL PPID-G)');
    expect(text).toContain(rejected.number);
    expect(text).toContain('Dewi Lestari');

    const pub = await buildObjectionRegister(requestsCtx(t), ppid, {
      officeId,
      filter: { from: '2026-07-01', to: '2026-07-31', publicVersion: 'on' },
    });
    expect(pub.columns.map((c) => c.key)).not.toContain('requester');
    const pubCsv = registerToCsv(pub).toString('utf8');
    expect(pubCsv).not.toContain('Dewi Lestari');
    expect(pubCsv).not.toContain('Budi Santoso');
    expect(await pdfText(await renderObjectionRegisterPdf(pub, t.clock.now()))).not.toContain('Dewi Lestari');
  });

  it('filters by ground and outcome, and is refused to a unit and to other offices', async () => {
    const fee = await buildObjectionRegister(requestsCtx(t), desk, {
      officeId,
      filter: { from: '2026-07-01', to: '2026-07-31', ground: 'f' },
    });
    expect(fee.rows.map((r) => r.grounds)).toEqual(['huruf f']);
    const rejectedOnly = await buildObjectionRegister(requestsCtx(t), desk, {
      officeId,
      filter: { from: '2026-07-01', to: '2026-07-31', outcome: 'REJECTED' },
    });
    expect(rejectedOnly.rows.map((r) => r.number)).toEqual([rejected.number]);
    const unit = await actorOf(
      t,
      (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PPID_PEMBANTU' }] })).user,
    );
    const other = await actorOf(
      t,
      (await createStaff(t.db.db, t.clock, { roles: [{ office: 'kpu-kab-bandung', role: 'PPID' }] })).user,
    );
    for (const actor of [unit, other]) {
      await expect(
        buildObjectionRegister(requestsCtx(t), actor, { officeId, filter: {} }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('the monthly report', () => {
  it('counts objections by ground and outcome, and disputes by stage', async () => {
    const report = await buildObjectionReport(requestsCtx(t), ppid, {
      officeId,
      from: '2026-07-01',
      to: '2026-07-31',
    });
    expect(report.received).toBe(3);
    expect(report.byGround).toEqual({ a: 2, b: 0, c: 0, d: 1, e: 0, f: 1, g: 0 });
    expect(report.byOutcome).toEqual({ GRANTED: 0, GRANTED_IN_PART: 0, REJECTED: 1, SETTLED: 1, LAPSED: 0 });
    expect(report.disputesByStage).toEqual({
      FILED: 0,
      MEDIATION: 1,
      ADJUDICATION: 0,
      COURT: 0,
      CASSATION: 0,
      FINAL: 0,
    });
    expect(report.disputesFiled).toBe(1);
    // Printed after the request tables of the monthly report.
    const service = await buildServiceReport(requestsCtx(t), ppid, {
      officeId,
      period: { kind: 'monthly', month: '2026-07' },
    });
    const settings = await getOfficeSettings(t.db.db, officeId);
    const pdf = await renderServiceReportPdf({
      report: service,
      issuedBy: issuedByOf(service.office, settings),
      logoPng: null,
      signers: {
        reporter: { name: 'Siti Nurhaliza', position: 'Petugas Layanan Informasi' },
        ppidName: null,
      },
      printedAt: t.clock.now(),
      extra: objectionReportTables(report),
    });
    renderPng('laporan-bulanan', pdf);
    // No table header left alone at the foot of a page (it used to spill onto empty pages).
    const reportPages = await pdfPages(pdf);
    expect(reportPages).toHaveLength(2);
    expect(reportPages[1]).toMatch(/^Keberatan Uraian Jumlah Keberatan diterima 3/);
    const text = reportPages.join('\n');
    expect(text).toContain('LAPORAN BULANAN LAYANAN INFORMASI PUBLIK');
    expect(text).toMatch(
      /Keberatan menurut alasan \(UU No\. 14 Tahun 2008 Pasal 35 ayat \(1\)\).*Pasal 35 ayat \(1\) huruf a 2/s,
    );
    expect(text).toMatch(/Sengketa informasi menurut tahap.*Mediasi 1/s);
    const june = await buildObjectionReport(requestsCtx(t), ppid, {
      officeId,
      from: '2026-06-01',
      to: '2026-06-30',
    });
    expect(june).toMatchObject({ received: 0, disputesFiled: 0 });
  });
});

describe('the dispute bundle', () => {
  it('zips the request, its receipt, the refusal, the objection form and the answer, with a contents list', async () => {
    const bundle = await buildDisputeBundle(requestsCtx(t), {
      kind: 'tracking',
      officeId,
      number: rejected.requestNumber,
      code: rejected.code,
      objectionId: rejected.objectionId,
    });
    expect(bundle.filename).toMatch(/^berkas-sengketa-\d{3}-KEB-32\.73-VII-2026\.zip$/);
    const entries = await unzip(bundle.bytes);
    const names = [...entries.keys()];
    expect(names).toEqual([
      '00-daftar-isi.txt',
      expect.stringMatching(/^01-tanda-terima-/),
      expect.stringMatching(/^02-pemberitahuan-tertulis-/),
      expect.stringMatching(/^03-sk-penolakan-/),
      expect.stringMatching(/^04-pernyataan-keberatan-/),
      expect.stringMatching(/^05-tanggapan-atasan-ppid-/),
    ]);
    for (const [name, bytes] of entries)
      if (name.endsWith('.pdf')) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(entries.get(names[4]!)!)).toContain(rejected.number);
    expect(await pdfText(entries.get(names[3]!)!)).toContain('PENOLAKAN');
    const contents = entries.get('00-daftar-isi.txt')!.toString('utf8');
    expect(contents).toContain('Komisi Informasi Provinsi Jawa Barat');
    expect(contents).toContain('24 Juli 2026');
    expect(contents).toContain('fotokopi KTP');
  });

  it('is not offered to the requester before there is something to dispute, nor with another code', async () => {
    const r = await refusedRequest(t, officeId, { desk, ppid });
    const o = await objectOnline(t, officeId, r);
    await expect(
      buildDisputeBundle(requestsCtx(t), {
        kind: 'tracking',
        officeId,
        number: r.number,
        code: r.trackingCode,
        objectionId: o.objectionId,
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      key: 'objections.error.bundleNotYet',
    });
    await expect(
      buildDisputeBundle(requestsCtx(t), {
        kind: 'tracking',
        officeId,
        number: r.number,
        code: r.trackingCode,
        objectionId: rejected.objectionId,
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Staff may always assemble it (the office's own copy for the commission).
    const staff = await buildDisputeBundle(requestsCtx(t), {
      kind: 'staff',
      actor: ppid,
      officeId,
      objectionId: o.objectionId,
    });
    expect(staff.entries).not.toContain(expect.stringMatching(/tanggapan/));
    expect((await unzip(staff.bytes)).get('00-daftar-isi.txt')!.toString('utf8')).toContain(
      'tidak ada tanggapan',
    );
    expect(settled.objectionId).toBeTruthy();
  });
});
