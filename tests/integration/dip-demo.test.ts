import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOpenStep, listVersions } from '../../src/modules/dip/queries.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { listSops } from '../../src/modules/sops/queries.ts';
import { listArchiveItems } from '../../src/modules/archive/queries.ts';
import { office } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The demo data of KPU Kota Bandung is made through the real use cases; it must keep working,
// since the browser journey and newcomers start from it.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  await seedDemo({
    db: t.db.db,
    clock: t.clock,
    passwordHashCost: 14,
    files: t.files,
    dataKeys: t.config.dataKeys,
    publicUrl: t.config.publicUrl,
    uploadMaxBytes: t.config.uploadMaxBytes,
  });
});
afterAll(async () => {
  await t.close();
});

describe('the demo DIP of KPU Kota Bandung', () => {
  it('has two published years, this year waiting for the units, the SOP register and an archive', async () => {
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const versions = await listVersions(t.db.db, bandung.id);
    expect(versions.map((v) => [v.year, v.current])).toEqual([
      [2025, true],
      [2024, false],
    ]);
    const open = await findOpenStep(t.db.db, bandung.id);
    expect(open?.cycle.year).toBe(2026);
    expect(open?.step.kind).toBe('COLLECT');
    expect((await listSops(t.db.db, bandung.id)).map((s) => s.slug).sort()).toEqual([
      'informasi-yang-dikecualikan',
      'pelayanan-informasi-publik',
      'penanganan-keberatan',
      'pendokumentasian-informasi-publik',
      'penetapan-pemutakhiran-dip',
      'penyusunan-dip',
    ]);
    const archive = await listArchiveItems(t.db.db, bandung.id);
    expect(archive.map((a) => a.status).sort()).toEqual([
      'APPROVED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
      'PENDING',
    ]);
  });

  it('shows the published DIP on the office page, and the changes from 2024 to 2025', async () => {
    const page = await t.app.inject('/kpu-kota-bandung');
    expect(page.body).toContain('DIP Tahun 2025');
    expect(page.body).toContain('Laporan Keuangan Tahun 2024');
    const diff = await t.app.inject('/kpu-kota-bandung/dip/perbandingan?dari=2024&ke=2025');
    expect(diff.statusCode).toBe(200);
    expect(diff.body).toContain('Jadwal dan tahapan Pemilihan Wali Kota');
    expect(diff.body).toContain('Materi sosialisasi dan pendidikan pemilih');
  });
});
