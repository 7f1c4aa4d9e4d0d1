import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { listDecrees, listDikEntries } from '../../src/modules/exemptions/queries.ts';
import { requestDecisions } from '../../src/modules/requests/schema.ts';
import { office } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The demo exempt information: a KPU RI decree in force at every office below, a KPU Kota
// Bandung decree of its own with one expired entry, and a refusal that cites an entry.
let t: TestApp;
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
afterAll(async () => t.close());

describe('the demo exempt information', () => {
  it("has the KPU RI decree at every office below, Bandung's own decree, an expired entry and a refusal citing an entry", async () => {
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const inForce = await listDikEntries(t.db.db, bandung);
    expect(inForce.filter((e) => e.inheritedFrom === 'kpu-ri')).toHaveLength(3);
    expect(inForce.filter((e) => e.inheritedFrom === null)).toHaveLength(1);
    const ended = await listDikEntries(t.db.db, bandung, { statuses: ['EXPIRED'] });
    expect(ended.map((e) => e.ground)).toEqual(['i']);
    expect((await listDikEntries(t.db.db, await office(t.db.db, 'kip-kab-aceh-selatan'))).length).toBe(3);
    expect(
      (await listDecrees(t.db.db, (await office(t.db.db, 'kpu-ri')).id)).map((d) => [d.status, d.reach]),
    ).toEqual([['ACTIVE', 'DESCENDANTS']]);
    const [refusal] = await t.db.db
      .select()
      .from(requestDecisions)
      .where(and(eq(requestDecisions.officeId, bandung.id), eq(requestDecisions.outcome, 'REFUSED_EXEMPT')));
    expect(refusal!.exemptionEntryOfficeId).toBe((await office(t.db.db, 'kpu-ri')).id);
    expect(refusal!.exemptionSubPoint).toBe('2');
  });
});
