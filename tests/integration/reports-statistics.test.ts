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
import { office } from '../helpers/factories.ts';
import { pngImage, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The aggregates (ADR 0035) against the live reports they must agree with, on the demo data.
let t: TestApp;
const operator = cliActor();
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  await seedDemo({ db: t.db.db, clock: t.clock, files: t.files, dataKeys: t.config.dataKeys, publicUrl: t.config.publicUrl, uploadMaxBytes: t.config.uploadMaxBytes, passwordHashCost: 14 });
});
afterAll(async () => {
  await t.close();
});

describe('statistics aggregates', () => {
  it('are marked stale by the changes themselves and agree with the monthly report', async () => {
    const dirty = await queryRows<{ n: number }>(t.db.db, sql`select count(*)::int as n from report_dirty_months`);
    expect(dirty[0]!.n).toBeGreaterThan(0);
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const months = await queryRows<{ month: string }>(
      t.db.db,
      sql`select distinct to_char(received_at at time zone 'Asia/Jakarta', 'YYYY-MM') as month from requests where office_id = ${bandung.id}
          union select distinct to_char(decided_at at time zone 'Asia/Jakarta', 'YYYY-MM') from requests where office_id = ${bandung.id} and decided_at is not null`,
    );
    expect(months.length).toBeGreaterThan(0);
    for (const { month } of months) {
      const live = await buildServiceReport(requestsCtx(t), operator, { officeId: bandung.id, period: { kind: 'monthly', month } });
      const [y, m] = month.split('-').map(Number) as [number, number];
      const agg = await readStatistics(t.db.db, t.clock.now(), { office: bandung, year: y, scope: 'office', months: { from: m, to: m } });
      expect(agg.requests.received, month).toBe(live.received);
      expect(agg.requests.decided, month).toBe(live.decided);
      expect(agg.requests.grantedFull).toBe(live.byOutcome.GRANTED_FULL);
      expect(agg.requests.grantedPartial).toBe(live.byOutcome.GRANTED_PARTIAL);
      expect(agg.requests.refused.total).toBe(live.byOutcome.REFUSED_EXEMPT + live.byOutcome.NOT_HELD + live.byOutcome.NOT_YET_DOCUMENTED);
      expect(agg.requests.averageWorkingDays).toBe(live.averageWorkingDaysToDecision);
      expect(agg.requests.decided - agg.requests.onTime).toBe(live.lateDecisions);
      expect(agg.requests.extended).toBe(live.extensions);
      const to = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
      const objections = await buildObjectionReport(requestsCtx(t), operator, { officeId: bandung.id, from: `${month}-01`, to });
      expect(agg.objections.received).toBe(objections.received);
      expect(agg.objections.byGround).toEqual(objections.byGround);
      expect(agg.objections.byOutcome).toEqual(objections.byOutcome);
    }
    const remaining = await queryRows<{ n: number }>(t.db.db, sql`select count(*)::int as n from report_dirty_months`);
    expect(remaining[0]!.n).toBe(0);
  });

  it('count a new request in the same transaction that records it, and nothing else is recounted', async () => {
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const before = await readStatistics(t.db.db, t.clock.now(), { office: bandung, year: 2026, scope: 'office' });
    await submitRequest(requestsCtx(t), publicActor(), {
      officeId: bandung.id,
      channel: 'WEB',
      data: sampleRequest(),
      uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage() }],
    });
    const marked = await queryRows<{ office_id: string; year: number; month: number }>(t.db.db, sql`select office_id, year, month from report_dirty_months`);
    expect(marked).toEqual([{ office_id: bandung.id, year: 2026, month: 11 }]);
    expect(await refreshStatistics(t.db.db, t.clock.now())).toBe(1);
    const after = await readStatistics(t.db.db, t.clock.now(), { office: bandung, year: 2026, scope: 'office' });
    expect(after.requests.received).toBe(before.requests.received + 1);
    expect(after.requests.byMonth[10]).toBe(before.requests.byMonth[10]! + 1);
  });

  it('add up across the hierarchy: the country is the sum of its provinces, a province of its offices', async () => {
    const ri = await office(t.db.db, 'kpu-ri');
    const jabar = await office(t.db.db, 'kpu-prov-jawa-barat');
    const provinces = (await listOffices(t.db.db)).filter((o) => o.parentId === ri.id);
    expect(provinces.length).toBe(38);
    const national = await readChildFigures(t.db.db, t.clock.now(), ri, provinces, 2026);
    const sumOfProvinces = [...national.byChild.values()].reduce((s, f) => s + f.requests.received, 0) + national.own.requests.received;
    expect(national.total.requests.received).toBe(sumOfProvinces);
    expect(national.total.requests.received).toBeGreaterThan(0);
    expect(national.byChild.get(jabar.id)!.requests.received).toBe((await readStatistics(t.db.db, t.clock.now(), { office: jabar, year: 2026, scope: 'all' })).requests.received);
    const all = await readStatistics(t.db.db, t.clock.now(), { office: ri, year: 2026, scope: 'all' });
    expect(all.requests.received).toBe(national.total.requests.received);
    const rows = await loadYearRows(t.db.db, t.clock.now(), ri, 2026, 'all');
    expect(sumFigures(rows).requests.byMonth.reduce((a, b) => a + b, 0)).toBe(all.requests.received);
  });
});
