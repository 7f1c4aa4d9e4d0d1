import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, publicActor, type Actor } from '../../src/modules/access/actor.ts';
import { findOfficeById, getOfficeSettings } from '../../src/modules/offices/queries.ts';
import { updateOfficeSettings } from '../../src/modules/offices/update-office-settings.ts';
import { buildRegister, REGISTER_COLUMNS } from '../../src/modules/requests/build-register.ts';
import { buildServiceReport } from '../../src/modules/requests/build-service-report.ts';
import { decideRequest } from '../../src/modules/requests/decide-request.ts';
import { deliverRequest } from '../../src/modules/requests/deliver-request.ts';
import { extendRequest } from '../../src/modules/requests/extend-request.ts';
import { markRequestIncomplete } from '../../src/modules/requests/mark-request-incomplete.ts';
import { issuedByOf } from '../../src/modules/requests/officer.ts';
import { reportSignersOf } from '../../src/modules/requests/report-signers.ts';
import { renderRegisterPdf } from '../../src/modules/requests/pdf/register-pdf.ts';
import { renderServiceReportPdf } from '../../src/modules/requests/pdf/service-report-pdf.ts';
import { recordPayment } from '../../src/modules/requests/record-payment.ts';
import { registerToCsv, registerToXlsx } from '../../src/modules/requests/register-export.ts';
import { registerRequest } from '../../src/modules/requests/register-request.ts';
import { renderRequestDocument, type DocumentKind } from '../../src/modules/requests/request-documents.ts';
import { setRequestFees } from '../../src/modules/requests/set-request-fees.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { createStaff, office } from '../helpers/factories.ts';
import { actorOf, pdfDocument, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { pdfText } from '../helpers/read-pdf.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { citableEntryId } from '../helpers/exemptions-fixtures.ts';

// Every letter and export parsed back: the PDFs with pdf.js, the spreadsheet with exceljs.
// The PDFs are also written to test-results/pdf/ so they can be rendered and looked at.

const OFFICE = 'kpu-kota-bandung';
const OUT = path.resolve(import.meta.dirname, '../../test-results/pdf');
let t: TestApp;
let officeId: string;
let ppid: Actor;
const operator = cliActor('test');
const ids: Record<string, { requestId: string; number: string }> = {};

async function doc(requestId: string, kind: DocumentKind, name: string): Promise<string> {
  const rendered = await renderRequestDocument(
    requestsCtx(t),
    { kind: 'staff', actor: operator, officeId, requestId },
    kind,
  );
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, `${name}.pdf`), rendered.bytes);
  return pdfText(rendered.bytes);
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  await updateOfficeSettings({ db: t.db.db, clock: t.clock }, operator, {
    officeId,
    settings: {
      letterhead: {
        address: 'Jalan Sanggar Kencana Utama No. 11, Jatisari, Buahbatu, Kota Bandung 40286',
        phone: '(022) 7561 441',
        email: 'ppid@kpu-bandung.test',
        city: 'Bandung',
      },
    },
  });
  const user = (
    await createStaff(t.db.db, t.clock, {
      name: 'Rina Kusumawati',
      roles: [{ office: OFFICE, role: 'PPID' }],
    })
  ).user;
  ppid = await actorOf(t, user);
  const ctx = requestsCtx(t);
  const submit = async (name: string, overrides: Record<string, unknown> = {}) => {
    const s = await submitRequest(ctx, publicActor(), {
      officeId,
      channel: 'API',
      data: sampleRequest({ name, ...overrides }),
      uploads: [],
    });
    ids[name] = { requestId: s.requestId, number: s.number };
    return s.requestId;
  };
  // Granted in part, with fees, paid and delivered.
  const partial = await submit('Ahmad Partial', {
    accessMethods: ['SALINAN_HARDCOPY'],
    deliveryMethod: 'AMBIL_LANGSUNG',
  });
  await registerRequest(ctx, operator, { officeId, requestId: partial });
  await setRequestFees(ctx, operator, {
    officeId,
    requestId: partial,
    data: {
      items: [{ kind: 'COPY_HARDCOPY', description: 'Fotokopi dokumen', quantity: 12, unitPrice: 500 }],
    },
  });
  await extendRequest(ctx, ppid, {
    officeId,
    requestId: partial,
    data: { reason: 'Dokumen berada di gudang arsip logistik dan perlu dipindai.' },
  });
  await decideRequest(ctx, ppid, {
    officeId,
    requestId: partial,
    data: {
      outcome: 'GRANTED_PARTIAL',
      materialDescription: 'Berita acara rekapitulasi suara tingkat kota',
      forms: ['HARDCOPY'],
      provisionTime: '3 hari kerja setelah pembayaran',
      redactedParts: 'NIK dan tanda tangan saksi pada lampiran',
      redactionReason: 'Data pribadi saksi',
      exemptionEntryId: await citableEntryId(ctx, officeId),
    },
    uploads: [{ field: 'files', filename: 'ba-rekap.pdf', bytes: await pdfDocument('Berita acara') }],
  });
  await recordPayment(ctx, operator, { officeId, requestId: partial, data: { method: 'TUNAI' } });
  await deliverRequest(ctx, operator, {
    officeId,
    requestId: partial,
    data: { kind: 'AMBIL_LANGSUNG', recipientName: 'Ahmad Partial' },
  });
  // Refused as exempt.
  const refused = await submit('Citra Refused');
  await registerRequest(ctx, operator, { officeId, requestId: refused });
  await decideRequest(ctx, ppid, {
    officeId,
    requestId: refused,
    data: {
      outcome: 'REFUSED_EXEMPT',
      exemptionEntryId: await citableEntryId(ctx, officeId),
      legalBasis: 'UU 27/2022 tentang Pelindungan Data Pribadi Pasal 4',
      harmAnalysis: 'Membuka hasil pemeriksaan kesehatan calon mengungkap rahasia pribadi yang dilindungi.',
      publicInterestAnalysis:
        'Kepentingan publik terpenuhi oleh pengumuman memenuhi syarat atau tidak memenuhi syarat.',
      exemptionPeriod: 'Selama yang bersangkutan tidak memberikan persetujuan tertulis',
      testParticipants: 'PPID, Tim Pertimbangan',
    },
    uploads: [],
  });
  // Incomplete.
  const incomplete = await submit('Dedi Incomplete');
  await markRequestIncomplete(ctx, operator, {
    officeId,
    requestId: incomplete,
    data: { missing: ['KTP', 'TUJUAN'] },
  });
});
afterAll(async () => {
  await t.close();
});

describe('the letters of a request', () => {
  it('receipt: number, time and channel, masked NIK, request, due date, officer, letterhead', async () => {
    const text = await doc(ids['Ahmad Partial']!.requestId, 'tanda-terima', 'tanda-terima');
    for (const expected of [
      'KOMISI PEMILIHAN UMUM',
      'KOTA BANDUNG',
      'Jalan Sanggar Kencana Utama',
      'TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK',
      ids['Ahmad Partial']!.number,
      '18 November 2026 09.00 WIB melalui layanan API',
      '3273********0001',
      'Salinan Keputusan KPU Kota Bandung',
      'mendapatkan salinan hardcopy',
      'mengambil langsung',
      '2 Desember 2026',
      'Bandung, 18 November 2026',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('3273010501900001');
  });

  it('written notice (Model PPID-D): granted in part, what was blacked out and why, the costs', async () => {
    const text = await doc(
      ids['Ahmad Partial']!.requestId,
      'pemberitahuan-tertulis',
      'pemberitahuan-tertulis',
    );
    expect(text).toContain('PEMBERITAHUAN TERTULIS');
    expect(text).toMatch(/☐\s*Seluruhnya/);
    expect(text).toMatch(/☑\s*Sebagian/);
    expect(text).toContain('NIK dan tanda tangan saksi pada lampiran');
    expect(text).toContain('Pasal 17 huruf h');
    expect(text).toContain('Rp500 × 12 = Rp6.000');
    expect(text).toContain('Rp6.000');
    // A fee is charged: Model PPID-D says how to pay it (issue 13 item 10), the office's default.
    expect(text).toMatch(/Cara pembayaran\s*:\s*Tunai di meja layanan informasi pada saat salinan diambil/);
    expect(text).toContain('Rina Kusumawati');
  });

  it('refusal decree (Model PPID-E): ground, statute, consequence test, right to object', async () => {
    const text = await doc(ids['Citra Refused']!.requestId, 'sk-penolakan', 'sk-penolakan');
    for (const expected of [
      'SURAT KEPUTUSAN PPID TENTANG PENOLAKAN PERMOHONAN INFORMASI',
      'Citra Refused',
      'INFORMASI YANG DIKECUALIKAN',
      'Pasal 17 huruf h angka 2 Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik (mengungkap rahasia pribadi: riwayat, kondisi dan perawatan',
      'UU 27/2022',
      'Daftar Informasi yang Dikecualikan',
      'Hasil pemeriksaan kesehatan bakal calon',
      'Nomor FIX-',
      'Uji konsekuensi',
      'Membuka hasil pemeriksaan kesehatan calon',
      'Kepentingan publik terpenuhi',
      'PERMOHONAN INFORMASI DITOLAK',
      '30 (tiga puluh) hari kerja',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // No garbled basis: the title never runs into the sub-point, nothing is doubled.
    expect(text).not.toMatch(/pribadi angka|angka angka|huruf huruf/);
    const notice = await doc(
      ids['Citra Refused']!.requestId,
      'pemberitahuan-tertulis',
      'pemberitahuan-tertulis-ditolak',
    );
    expect(notice).toMatch(/☑\s*Informasi yang diminta termasuk informasi yang dikecualikan/);
  });

  it('extension letter, delivery receipt and the notice of what is missing', async () => {
    const extension = await doc(ids['Ahmad Partial']!.requestId, 'perpanjangan-waktu', 'perpanjangan-waktu');
    expect(extension).toContain('Pasal 22 ayat (8)');
    expect(extension).toContain('Dokumen berada di gudang arsip logistik');
    expect(extension).toContain('11 Desember 2026');
    const delivery = await doc(
      ids['Ahmad Partial']!.requestId,
      'tanda-bukti-penyerahan',
      'tanda-bukti-penyerahan',
    );
    expect(delivery).toContain('TANDA BUKTI PENYERAHAN INFORMASI PUBLIK');
    expect(delivery).toContain('ba-rekap.pdf');
    expect(delivery).toContain('Yang menerima');
    const missing = await doc(
      ids['Dedi Incomplete']!.requestId,
      'pemberitahuan-kekurangan',
      'pemberitahuan-kekurangan',
    );
    expect(missing).toContain('Salinan KTP atau identitas lain yang sah');
    expect(missing).toContain('Tujuan penggunaan informasi');
    expect(missing).toContain('23 November 2026');
  });
});

describe('the register (Model PPID-C) and the reports', () => {
  it('exports every column to XLSX, CSV and PDF; the public version without personal data', async () => {
    const register = await buildRegister(requestsCtx(t), operator, { officeId, filter: {} });
    expect(register.rows).toHaveLength(3);
    const partial = register.rows.find((r) => r.number === ids['Ahmad Partial']!.number)!;
    expect(partial).toMatchObject({
      name: 'Ahmad Partial',
      decision: 'Dikabulkan sebagian',
      held: 'Dikuasai',
      refusalReason: expect.stringContaining('Pasal 17 huruf h'),
      fee: 'Rp6.000, dibayar tunai 18 November 2026',
      extension: expect.stringContaining('Ya, s.d. 11 Desember 2026'),
      workingDays: '0',
      status: 'Informasi telah diserahkan',
    });
    expect(partial.delivery).toContain('18 November 2026');

    const workbook = new ExcelJS.Workbook();
    const xlsx = await registerToXlsx(register);
    await workbook.xlsx.load(
      xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual(REGISTER_COLUMNS.map((c) => c.header));
    const numbers = [5, 6, 7].map((r) => sheet.getRow(r).getCell(2).value);
    expect(numbers).toContain(ids['Citra Refused']!.number);

    const csv = registerToCsv(register).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Citra Refused');

    const pdf = await renderRegisterPdf(register, t.clock.now());
    writeFileSync(path.join(OUT, 'register.pdf'), pdf);
    const text = await pdfText(pdf);
    expect(text).toContain('REGISTER PERMOHONAN INFORMASI PUBLIK (MODEL PPID-C)');
    expect(text).toContain('Ahmad Partial');

    const publicRegister = await buildRegister(requestsCtx(t), operator, {
      officeId,
      filter: { publicVersion: 'on' },
    });
    expect(publicRegister.columns.map((c) => c.key)).not.toContain('name');
    const publicCsv = registerToCsv(publicRegister).toString('utf8');
    for (const personal of ['Ahmad Partial', 'Cihampelas', 'contoh.test', '0812'])
      expect(publicCsv).not.toContain(personal);
  });

  it('counts the month by status, channel, category and decision, with the average working days', async () => {
    const report = await buildServiceReport(requestsCtx(t), operator, {
      officeId,
      period: { kind: 'monthly', month: '2026-11' },
    });
    expect(report.received).toBe(3);
    expect(report.byChannel.API).toBe(3);
    expect(report.byOutcome).toMatchObject({ GRANTED_PARTIAL: 1, REFUSED_EXEMPT: 1 });
    expect(report.decided).toBe(2);
    expect(report.averageWorkingDaysToDecision).toBe(0);
    expect(report.extensions).toBe(1);
    expect(report.byStatus).toMatchObject({ DELIVERED: 1, DECIDED: 1, INCOMPLETE: 1 });
    const o = (await findOfficeById(t.db.db, officeId))!;
    const pdf = await renderServiceReportPdf({
      report,
      issuedBy: issuedByOf(o, await getOfficeSettings(t.db.db, officeId)),
      logoPng: null,
      signers: {
        reporter: { name: 'Siti Nurhaliza', position: 'Petugas Layanan Informasi' },
        ppidName: null,
      },
      printedAt: t.clock.now(),
    });
    writeFileSync(path.join(OUT, 'laporan-bulanan.pdf'), pdf);
    const text = await pdfText(pdf);
    expect(text).toContain('LAPORAN BULANAN LAYANAN INFORMASI PUBLIK');
    expect(text).toContain('1 November 2026 s.d. 30 November 2026');
    expect(text).toMatch(/Permohonan diterima\s+3/);
  });

  it('signs the monthly report by the PPID who holds the role and the reporter under their own position (issue 13 item 9)', async () => {
    const report = await buildServiceReport(requestsCtx(t), operator, {
      officeId,
      period: { kind: 'monthly', month: '2026-11' },
    });
    const o = (await findOfficeById(t.db.db, officeId))!;
    const issuedBy = issuedByOf(o, await getOfficeSettings(t.db.db, officeId));
    const desk = await actorOf(
      t,
      (
        await createStaff(t.db.db, t.clock, {
          name: 'Siti Nurhaliza',
          roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }],
        })
      ).user,
    );
    const bySigners = async (actor: Actor) =>
      (
        await pdfText(
          await renderServiceReportPdf({
            report,
            issuedBy,
            logoPng: null,
            signers: await reportSignersOf(t.db.db, actor, o, t.clock.now()),
            printedAt: t.clock.now(),
          }),
        )
      ).replace(/\s+/g, ' ');
    const deskText = await bySigners(desk);
    expect(deskText).toContain('Mengetahui, Pejabat Pengelola Informasi dan Dokumentasi');
    expect(deskText).toContain('Yang melaporkan, Petugas Layanan Informasi');
    expect(deskText).toMatch(/Rina Kusumawati.*Siti Nurhaliza/);
    const ppidText = await bySigners(ppid);
    expect(ppidText).toContain('Pejabat Pengelola Informasi dan Dokumentasi, Rina Kusumawati');
    expect(ppidText).not.toContain('Petugas Layanan Informasi');
    expect(ppidText).not.toContain('Mengetahui');
  });

  it('refuses the register to a unit and the reports to nobody with a role', async () => {
    const other = await actorOf(
      t,
      (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PPID_PEMBANTU' }] })).user,
    );
    await expect(buildRegister(requestsCtx(t), other, { officeId, filter: {} })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const pembina = await actorOf(
      t,
      (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PEMBINA_PPID' }] })).user,
    );
    await expect(buildRegister(requestsCtx(t), pembina, { officeId, filter: {} })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      buildServiceReport(requestsCtx(t), pembina, {
        officeId,
        period: { kind: 'daily', date: '2026-11-18' },
      }),
    ).resolves.toMatchObject({ received: 3 });
  });
});
