import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { listObjectionsForRegister, loadObjectionExtras } from '../../src/modules/objections/queries.ts';
import { findRequest } from '../../src/modules/requests/queries.ts';
import { office } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The demo a newcomer sees: objections at KPU Kota Bandung in different states, one of them a
// dispute at the Komisi Informasi, made through the real use cases on the demo requests.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
});
afterAll(async () => {
  await t.close();
});

describe('the demo objections', () => {
  it('wait, are granted, settled and disputed at the Komisi Informasi', async () => {
    await seedDemo({
      db: t.db.db,
      clock: t.clock,
      files: t.files,
      dataKeys: t.config.dataKeys,
      publicUrl: t.config.publicUrl,
      uploadMaxBytes: t.config.uploadMaxBytes,
      passwordHashCost: 14,
    });
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const rows = await listObjectionsForRegister(t.db.db, bandung.id);
    expect(rows.map((r) => r.status).sort()).toEqual(['DECIDED', 'DISPUTED', 'REGISTERED', 'SETTLED']);
    const extras = await loadObjectionExtras(
      t.db.db,
      bandung.id,
      rows.map((r) => r.id),
    );
    const disputed = rows.find((r) => r.status === 'DISPUTED')!;
    expect(extras.disputes.get(disputed.id)).toMatchObject({
      stage: 'MEDIATION',
      commissionName: 'Komisi Informasi Provinsi Jawa Barat',
    });
    expect(extras.decisions.get(disputed.id)?.outcome).toBe('REJECTED');
    const granted = rows.find((r) => r.status === 'DECIDED')!;
    expect(extras.decisions.get(granted.id)?.outcome).toBe('GRANTED');
    expect((await findRequest(t.db.db, bandung.id, granted.requestId))!).toMatchObject({
      status: 'REGISTERED',
      round: 2,
    });
    expect(rows.every((r) => r.number.includes('/KEB/32.73/'))).toBe(true);
  });
});
