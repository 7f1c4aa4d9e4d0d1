import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { unzip } from '../helpers/zip.ts';
import { pdfText } from '../helpers/read-pdf.ts';
import { SAMPLE_PEOPLE } from '../../src/modules/redaction/samples.ts';

// The demo holds, at KPU Kota Bandung, public DIP documents released through the release step.

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

describe('the demo release step at KPU Kota Bandung', () => {
  it('the published DIP serves a redacted list and a scrubbed workbook, flagged in the API', async () => {
    const list = (await t.app.inject('/api/v1/dip/entries?office=kpu-kota-bandung')).json() as {
      entries: { documentTitle: string; url: string }[];
    };
    const url = list.entries.find((e) => e.documentTitle.startsWith('Laporan Layanan Informasi Publik'))!.url;
    const [, year, key] = /\/dip\/(\d+)\/([0-9a-f-]+)$/.exec(url)!;
    const api = (await t.app.inject(`/api/v1/dip/kpu-kota-bandung/${year}/${key}`)).json() as {
      downloads: { name: string; url: string; redacted: boolean }[];
    };
    const pdf = api.downloads.find((d) => d.name === 'daftar-petugas-kpps-coblong-dihitamkan.pdf')!;
    const xlsx = api.downloads.find((d) => d.name === 'rekap-petugas-kpps-bersih.xlsx')!;
    expect([pdf.redacted, xlsx.redacted]).toEqual([true, true]);
    expect(api.downloads.filter((d) => !d.redacted).map((d) => d.name)).toEqual(['laplayanan.pdf']);
    const text = await pdfText((await t.app.inject(pdf.url)).rawPayload);
    expect(text).toContain('Siti Aminah');
    for (const p of SAMPLE_PEOPLE) expect(text).not.toContain(p.nik);
    const parts = await unzip((await t.app.inject(xlsx.url)).rawPayload);
    const all = [...parts.values()].map((b) => b.toString('utf8')).join('\n');
    for (const p of SAMPLE_PEOPLE) expect(all).not.toContain(p.nik);
    expect((await t.app.inject(url)).body).toContain('Sebagian isi dihitamkan');
  });
});
