import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, publicActor } from '../../src/modules/access/actor.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { buildObjectionReport } from '../../src/modules/objections/build-objection-report.ts';
import { listOffices } from '../../src/modules/offices/queries.ts';
import { sumFigures } from '../../src/modules/reports/figures.ts';
import { loadYearRows, readChildFigures, readStatistics } from '../../src/modules/reports/read-statistics.ts';
import { refreshStatistics } from '../../src/modules/reports/refresh-statistics.ts';
import { buildServiceReport } from '../../src/modules/requests/build-service-report.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { pngImage, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// The aggregates (ADR 0035) against the live reports they must agree with, on the demo data.
let t: TestApp;
const operator = cliActor();
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  await seedDemo({
    db: t.db.db,
    clock: t.clock,
    files: t.files,
    dataKeys: t.config.dataKeys,
    publicUrl: t.config.publicUrl,
    uploadMaxBytes: t.config.uploadMaxBytes,
    passwordHashCost: 14,
  });
});
afterAll(async () => {
  await t.close();
});

describe('statistics aggregates', () => {
  it('are marked stale by the changes themselves and agree with the monthly report', async () => {
    const dirty = await queryRows<{ n: number }>(
      t.db.db,
      sql`select count(*)::int as n from report_dirty_months`,
    );
    expect(dirty[0]!.n).toBeGreaterThan(0);
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const months = await queryRows<{ month: string }>(
      t.db.db,
      sql`select distinct to_char(received_at at time zone 'Asia/Jakarta', 'YYYY-MM') as month from requests where office_id = ${bandung.id}
          union select distinct to_char(decided_at at time zone 'Asia/Jakarta', 'YYYY-MM') from requests where office_id = ${bandung.id} and decided_at is not null`,
    );
    expect(months.length).toBeGreaterThan(0);
    for (const { month } of months) {
      const live = await buildServiceReport(requestsCtx(t), operator, {
        officeId: bandung.id,
        period: { kind: 'monthly', month },
      });
      const [y, m] = month.split('-').map(Number) as [number, number];
      const agg = await readStatistics(t.db.db, t.clock.now(), {
        office: bandung,
        year: y,
        scope: 'office',
        months: { from: m, to: m },
      });
      expect(agg.requests.received, month).toBe(live.received);
      expect(agg.requests.decided, month).toBe(live.decided);
      expect(agg.requests.grantedFull).toBe(live.byOutcome.GRANTED_FULL);
      expect(agg.requests.grantedPartial).toBe(live.byOutcome.GRANTED_PARTIAL);
      expect(agg.requests.refused.total).toBe(
        live.byOutcome.REFUSED_EXEMPT + live.byOutcome.NOT_HELD + live.byOutcome.NOT_YET_DOCUMENTED,
      );
      expect(agg.requests.averageWorkingDays).toBe(live.averageWorkingDaysToDecision);
      expect(agg.requests.decided - agg.requests.onTime).toBe(live.lateDecisions);
      expect(agg.requests.extended).toBe(live.extensions);
      const to = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
      const objections = await buildObjectionReport(requestsCtx(t), operator, {
        officeId: bandung.id,
        from: `${month}-01`,
        to,
      });
      expect(agg.objections.received).toBe(objections.received);
      expect(agg.objections.byGround).toEqual(objections.byGround);
      expect(agg.objections.byOutcome).toEqual(objections.byOutcome);
    }
    const remaining = await queryRows<{ n: number }>(
      t.db.db,
      sql`select count(*)::int as n from report_dirty_months`,
    );
    expect(remaining[0]!.n).toBe(0);
  });

  it('count a new request in the same transaction that records it, and nothing else is recounted', async () => {
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const before = await readStatistics(t.db.db, t.clock.now(), {
      office: bandung,
      year: 2026,
      scope: 'office',
    });
    await submitRequest(requestsCtx(t), publicActor(), {
      officeId: bandung.id,
      channel: 'WEB',
      data: sampleRequest(),
      uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage() }],
    });
    const marked = await queryRows<{ office_id: string; year: number; month: number }>(
      t.db.db,
      sql`select office_id, year, month from report_dirty_months`,
    );
    expect(marked).toEqual([{ office_id: bandung.id, year: 2026, month: 11 }]);
    expect(await refreshStatistics(t.db.db, t.clock.now())).toBe(1);
    const after = await readStatistics(t.db.db, t.clock.now(), {
      office: bandung,
      year: 2026,
      scope: 'office',
    });
    expect(after.requests.received).toBe(before.requests.received + 1);
    expect(after.requests.byMonth[10]).toBe(before.requests.byMonth[10]! + 1);
  });

  it('add up across the hierarchy: the country is the sum of its provinces, a province of its offices', async () => {
    const ri = await office(t.db.db, 'kpu-ri');
    const jabar = await office(t.db.db, 'kpu-prov-jawa-barat');
    const provinces = (await listOffices(t.db.db)).filter((o) => o.parentId === ri.id);
    expect(provinces.length).toBe(38);
    const national = await readChildFigures(t.db.db, t.clock.now(), ri, provinces, 2026);
    const sumOfProvinces =
      [...national.byChild.values()].reduce((s, f) => s + f.requests.received, 0) +
      national.own.requests.received;
    expect(national.total.requests.received).toBe(sumOfProvinces);
    expect(national.total.requests.received).toBeGreaterThan(0);
    expect(national.byChild.get(jabar.id)!.requests.received).toBe(
      (await readStatistics(t.db.db, t.clock.now(), { office: jabar, year: 2026, scope: 'all' })).requests
        .received,
    );
    const all = await readStatistics(t.db.db, t.clock.now(), { office: ri, year: 2026, scope: 'all' });
    expect(all.requests.received).toBe(national.total.requests.received);
    const rows = await loadYearRows(t.db.db, t.clock.now(), ri, 2026, 'all');
    expect(sumFigures(rows).requests.byMonth.reduce((a, b) => a + b, 0)).toBe(all.requests.received);
  });
});

describe('statistics over HTTP', () => {
  it('serves the open data as the OpenAPI document describes it, with the country the sum of everything', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/offices/kpu-ri/statistics?year=2026&scope=all',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      office: { slug: string };
      scope: string;
      requests: {
        received: number;
        byMonth: number[];
        refused: {
          total: number;
          byGround: Record<string, number>;
          notHeld: number;
          notYetDocumented: number;
        };
      };
    }>();
    expect(body.office.slug).toBe('kpu-ri');
    expect(body.scope).toBe('all');
    expect(body.requests.byMonth).toHaveLength(12);
    expect(body.requests.byMonth.reduce((a, b) => a + b, 0)).toBe(body.requests.received);
    const grounds = Object.values(body.requests.refused.byGround).reduce((a, b) => a + b, 0);
    expect(grounds + body.requests.refused.notHeld + body.requests.refused.notYetDocumented).toBe(
      body.requests.refused.total,
    );
    const bandung = (
      await t.app.inject({ method: 'GET', url: '/api/v1/offices/kpu-kota-bandung/statistics?year=2026' })
    ).json<{ requests: { received: number } }>();
    expect(body.requests.received).toBeGreaterThanOrEqual(bandung.requests.received);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(openapi.paths)).toContain('/api/v1/offices/{slug}/statistics');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/offices/kpu-ri/statistics?year=99999' })).statusCode,
    ).toBe(400);
  });

  it('shows public pages with charts and tables, CSV without personal data, and a wrong year as an error', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/kpu-kota-bandung/statistik?tahun=2026' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('Permohonan informasi per bulan');
    expect(page.body).toContain('Dikecualikan, Pasal 17 huruf h');
    const national = await t.app.inject({ method: 'GET', url: '/statistik?tahun=2026' });
    expect(national.statusCode).toBe(200);
    expect(national.body).toContain('KPU Provinsi Jawa Barat');
    const csv = await t.app.inject({ method: 'GET', url: '/kpu-kota-bandung/statistik.csv?tahun=2026' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('requests.refused.byGround.h');
    for (const personal of ['Dewi Lestari', 'contoh.test', '3273']) expect(csv.body).not.toContain(personal);
    const bad = await t.app.inject({ method: 'GET', url: '/kpu-kota-bandung/statistik?tahun=20x6' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Tahun harus empat angka');
    // The field is named by its label, not by the query key (issue 13 item 11).
    expect(bad.body).toContain('<li>Tahun: ');
    expect(bad.body).not.toContain('tahun:');
    const office = await t.app.inject({ method: 'GET', url: '/kpu-kota-bandung' });
    expect(office.body).toContain('/kpu-kota-bandung/statistik');
  });

  it('gives staff reports for a year, a quarter and a range, with charts in the page and the PDF', async () => {
    const { email } = await createStaff(t.db.db, t.clock, {
      roles: [{ office: 'kpu-kota-bandung', role: 'PPID' }],
    });
    const client = new TestClient(t.app);
    await client.login(email, TEST_PASSWORD);
    const year = await client.get('/staff/kpu-kota-bandung/laporan-permohonan?tahun=2025');
    expect(year.statusCode).toBe(200);
    expect(year.body).toContain('1 Januari 2025');
    expect(year.body).toContain('31 Desember 2025');
    const quarter = await client.get('/staff/kpu-kota-bandung/laporan-permohonan?kuartal=2026-Q4');
    expect(quarter.body).toContain('1 Oktober 2026');
    expect(quarter.body).toContain('<svg');
    const range = await client.get(
      '/staff/kpu-kota-bandung/laporan-permohonan?dari=2026-11-01&sampai=2026-11-18',
    );
    expect(range.statusCode).toBe(200);
    expect(range.body).toContain('18 November 2026');
    expect((await client.get('/staff/kpu-kota-bandung/laporan-permohonan?tahun=26')).statusCode).toBe(400);
    expect(
      (await client.get('/staff/kpu-kota-bandung/laporan-permohonan?dari=2026-11-18&sampai=2026-11-01'))
        .statusCode,
    ).toBe(400);
    const pdf = await client.get('/staff/kpu-kota-bandung/laporan-permohonan?kuartal=2026-Q4&format=pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('LAPORAN LAYANAN INFORMASI PUBLIK');
    expect(text).toContain('Permohonan informasi per bulan');
    const dashboard = await client.get('/staff/kpu-kota-bandung');
    expect(dashboard.body).toContain('Layanan tahun 2026');
  });
});

describe('oversight roll-ups', () => {
  async function signIn(roles: Parameters<typeof createStaff>[2]['roles']) {
    const { email } = await createStaff(t.db.db, t.clock, { roles });
    const client = new TestClient(t.app);
    await client.login(email, TEST_PASSWORD);
    return client;
  }

  it('show the national admin every province, totals adding up, sortable, as XLSX; drilling in is read-only and audited', async () => {
    const admin = await signIn([{ office: 'kpu-ri', role: 'NATIONAL_ADMIN' }]);
    const page = await admin.get('/staff/kpu-ri/pengawasan?tahun=2026&urut=received&arah=turun');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('KPU Provinsi Jawa Barat');
    expect(page.body).toContain('<svg');
    // Jawa Barat (with Bandung's demo requests) sorts first by requests received.
    const firstRow = /<tbody><tr><th scope="row">([^<]+)<\/th>/.exec(page.body);
    expect(firstRow?.[1]).toBe('KPU Provinsi Jawa Barat');
    const xlsx = await admin.get('/staff/kpu-ri/pengawasan?tahun=2026&format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      xlsx.rawPayload.buffer.slice(
        xlsx.rawPayload.byteOffset,
        xlsx.rawPayload.byteOffset + xlsx.rawPayload.byteLength,
      ) as ArrayBuffer,
    );
    const ws = wb.worksheets[0]!;
    const received: number[] = [];
    ws.eachRow((row, n) => {
      if (n > 3 && row.getCell(1).value !== 'Jumlah') received.push(Number(row.getCell(2).value));
    });
    expect(received).toHaveLength(38);
    let totalRow = 0;
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'Jumlah') totalRow = Number(row.getCell(2).value);
    });
    const ri = await office(t.db.db, 'kpu-ri');
    const own = await readStatistics(t.db.db, t.clock.now(), { office: ri, year: 2026, scope: 'office' });
    expect(totalRow).toBe(received.reduce((a, b) => a + b, 0) + own.requests.received);

    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const drill = await admin.get('/staff/kpu-ri/pengawasan/kpu-kota-bandung?tahun=2026');
    expect(drill.statusCode).toBe(200);
    expect(drill.body).toContain('baca saja');
    expect(drill.body).not.toContain('Dewi Lestari');
    const audit = await queryRows<{ action: string; after: { by: string } }>(
      t.db.db,
      sql`select action, after from audit_log where office_id = ${bandung.id} and action = 'oversight.viewed'`,
    );
    expect(audit.at(-1)?.after.by).toBe('kpu-ri');
  });

  it('show a province only its kabupaten/kota, and nobody below the rights', async () => {
    const jabar = await signIn([{ office: 'kpu-prov-jawa-barat', role: 'PPID' }]);
    const page = await jabar.get('/staff/kpu-prov-jawa-barat/pengawasan?tahun=2026');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('KPU Kota Bandung');
    expect(page.body).not.toContain('KPU Provinsi Jawa Tengah');
    expect(
      (await jabar.get('/staff/kpu-prov-jawa-barat/pengawasan/kpu-kota-semarang?tahun=2026')).statusCode,
    ).toBe(404);
    expect((await jabar.get('/staff/kpu-ri/pengawasan')).statusCode).toBe(403);
    const desk = await signIn([{ office: 'kpu-prov-jawa-barat', role: 'PETUGAS_LAYANAN' }]);
    expect((await desk.get('/staff/kpu-prov-jawa-barat/pengawasan')).statusCode).toBe(403);
    const bandungPpid = await signIn([{ office: 'kpu-kota-bandung', role: 'PPID' }]);
    expect((await bandungPpid.get('/staff/kpu-prov-jawa-barat/pengawasan/kpu-kota-bandung')).statusCode).toBe(
      403,
    );
  });
});
