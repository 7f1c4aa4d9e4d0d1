import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFreshInstall, seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { listRequests } from '../../src/modules/requests/queries.ts';
import { office } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The demo data a newcomer sees on the first start: requests at KPU Kota Bandung in every state.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
});
afterAll(async () => {
  await t.close();
});

describe('the demo requests', () => {
  it('cover every state a desk sees, made through the real use cases', async () => {
    const ctx = {
      db: t.db.db,
      clock: t.clock,
      files: t.files,
      dataKeys: t.config.dataKeys,
      publicUrl: t.config.publicUrl,
      uploadMaxBytes: t.config.uploadMaxBytes,
      passwordHashCost: 14,
    };
    expect(await isFreshInstall(ctx)).toBe(true);
    await seedDemo(ctx);
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const rows = await listRequests(t.db.db, bandung.id);
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of [
      'RECEIVED',
      'INCOMPLETE',
      'IN_PROCESS',
      'REGISTERED',
      'CLOSED',
      'AWAITING_PAYMENT',
      'WITHDRAWN',
    ])
      expect(statuses, s).toContain(s);
    // ten of this year at every step, and the eight of 2025 behind the published annual report
    expect(rows.filter((r) => r.receivedAt.getFullYear() === 2025)).toHaveLength(8);
    expect(rows).toHaveLength(18);
    expect(
      rows.some((r) => (r.extendedDueDate ?? r.dueDate) < '2026-11-18' && r.status === 'REGISTERED'),
    ).toBe(true);
  });
});
