import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_CANDIDATES } from '../../src/modules/dip/queries.ts';
import { saveDipEntry } from '../../src/modules/dip/save-dip-entry.ts';
import { startDipCycle } from '../../src/modules/dip/start-cycle.ts';
import { dipTeam, entry, publishYear, useSeed001 } from '../helpers/dip-fixtures.ts';
import { office } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Public search over published DIPs: Indonesian stemming ("mohon" finds "permohonan"), the
// words as written, trigram similarity for typos, per office and across all offices.

let t: TestApp;
const ctx = () => ({ db: t.db.db, clock: t.clock });

const BANDUNG = [
  entry({
    documentTitle: 'Formulir permohonan informasi publik',
    summary: 'Formulir Model PPID-B untuk mengajukan permintaan informasi',
    category: 'SETIAP_SAAT',
  }),
  entry({ documentTitle: 'Pengumuman pengadaan barang dan jasa', summary: 'Paket pengadaan melalui SPSE' }),
  entry({ documentTitle: 'Laporan Keuangan Tahun 2025', summary: 'Neraca dan laporan realisasi anggaran' }),
  entry({ documentTitle: 'Daftar barang milik negara', summary: 'Aset tetap yang ada di kantor' }),
  entry({
    documentTitle: 'Jadwal tahapan pemilihan',
    summary: 'Tahapan dan jadwal Pemilihan Wali Kota',
    isElection: true,
  }),
];

beforeAll(async () => {
  t = await createTestApp({ now: '2026-02-02T02:00:00Z' });
  for (const [slug, entries] of [
    ['kpu-kota-bandung', BANDUNG],
    [
      'kpu-kab-garut',
      [
        entry({
          documentTitle: 'Prosedur permohonan informasi dan keberatan',
          summary: 'Tata cara permohonan di KPU Kabupaten Garut',
        }),
      ],
    ],
  ] as const) {
    const team = await dipTeam(t.db.db, t.clock, slug);
    const officeId = (await office(t.db.db, slug)).id;
    await useSeed001(ctx(), team, officeId);
    await publishYear(ctx(), team, officeId, 2026, async () => {
      for (const e of entries) await saveDipEntry(ctx(), team.ppid, { officeId, data: e });
    });
    if (slug === 'kpu-kota-bandung') {
      // A draft of the next update must never be found.
      await startDipCycle(ctx(), team.ppid, { officeId, data: { year: 2026 } });
      await saveDipEntry(ctx(), team.ppid, {
        officeId,
        data: entry({
          documentTitle: 'Konsep permohonan anggaran rahasia',
          summary: 'Draf yang belum terbit',
        }),
      });
    }
  }
});
afterAll(async () => {
  await t.close();
});

async function titles(query: string, officeSlug?: string): Promise<string[]> {
  const q = new URLSearchParams({ q: query, ...(officeSlug ? { office: officeSlug } : {}) });
  const res = await t.app.inject(`/api/v1/dip/entries?${q}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { entries: { documentTitle: string }[] }).entries.map((e) => e.documentTitle);
}

describe('searching the published DIP', () => {
  it('finds "permohonan" when asked for "mohon" (Indonesian stemming)', async () => {
    expect(await titles('mohon', 'kpu-kota-bandung')).toEqual(['Formulir permohonan informasi publik']);
  });

  it('survives a typo (trigram similarity)', async () => {
    expect(await titles('permohnan', 'kpu-kota-bandung')).toContain('Formulir permohonan informasi publik');
    expect((await titles('lapran keuangn', 'kpu-kota-bandung'))[0]).toBe('Laporan Keuangan Tahun 2025');
  });

  it('ranks the word as written above what the stemmer over-stems ("pengadaan" is not just "ada")', async () => {
    const found = await titles('pengadaan', 'kpu-kota-bandung');
    expect(found[0]).toBe('Pengumuman pengadaan barang dan jasa');
  });

  it('matches word prefixes and needs every word', async () => {
    expect(await titles('jadw pemilih', 'kpu-kota-bandung')).toEqual(['Jadwal tahapan pemilihan']);
    expect(await titles('laporan pemilihan', 'kpu-kota-bandung')).toEqual([]);
  });

  it('searches every office at /dip and in the API, and never drafts', async () => {
    const national = await titles('permohonan');
    expect(national.sort()).toEqual([
      'Formulir permohonan informasi publik',
      'Prosedur permohonan informasi dan keberatan',
    ]);
    const page = await t.app.inject('/dip?q=mohon+informasi');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('KPU Kabupaten Garut');
    expect(page.body).toContain('Formulir permohonan informasi publik');
    expect(page.body).not.toContain('Konsep permohonan anggaran rahasia');
    const office = await t.app.inject('/kpu-kota-bandung/dip?q=permohonan');
    expect(office.body).not.toContain('Konsep permohonan anggaran rahasia');
    expect(office.body).not.toContain('KPU Kabupaten Garut');
  });

  it('filters by category and the election flag, and treats odd input as words, not syntax', async () => {
    const res = await t.app.inject('/api/v1/dip/entries?office=kpu-kota-bandung&category=SETIAP_SAAT');
    expect(res.json().entries.map((e: { documentTitle: string }) => e.documentTitle)).toEqual([
      'Formulir permohonan informasi publik',
    ]);
    const election = await t.app.inject('/api/v1/dip/entries?office=kpu-kota-bandung&election=true');
    expect(election.json().total).toBe(1);
    for (const odd of ["'); drop table dip_entries; --", '&|!():*', 'a'.repeat(200), '<script>']) {
      const r = await t.app.inject(`/api/v1/dip/entries?q=${encodeURIComponent(odd)}`);
      expect(r.statusCode).toBe(200);
      const p = await t.app.inject(`/kpu-kota-bandung/dip?q=${encodeURIComponent(odd)}`);
      expect(p.statusCode).toBe(200);
      expect(p.body).not.toContain('<script>');
    }
    const tooLong = await t.app.inject(`/api/v1/dip/entries?q=${'a'.repeat(201)}`);
    expect(tooLong.statusCode).toBe(400);
  });
});

describe('a word matching more entries than a search ranks', () => {
  it('counts only up to the cap and says "or more", nationally and in one office (ADR 0110)', async () => {
    // More published entries with one word than a search ranks: the count stops at the cap
    // (counting every match over the national DIP took seconds), and the page says so.
    const officeId = (await office(t.db.db, 'kpu-kab-garut')).id;
    const extra = SEARCH_CANDIDATES + 25;
    await t.db.db.execute(sql`
      insert into dip_version_entries (office_id, version_id, entry_key, year, position, "current", category,
        document_title, summary, holding_unit, responsible_official, time_and_place, formats, file_types,
        retention, is_election, changed_at, published_at)
      select e.office_id, e.version_id, gen_random_uuid(), e.year, 1000 + g, true, e.category,
        'Berkas kearsipan nomor ' || g, e.summary, e.holding_unit, e.responsible_official, e.time_and_place,
        e.formats, e.file_types, e.retention, e.is_election, e.changed_at, e.published_at
      from (select * from dip_version_entries where office_id = ${officeId} and "current" limit 1) e
      cross join generate_series(1, ${extra}::int) g`);
    for (const query of ['kearsipan', 'kearsipan&office=kpu-kab-garut']) {
      const res = await t.app.inject(`/api/v1/dip/entries?q=${query}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(SEARCH_CANDIDATES);
      expect(res.json().entries).toHaveLength(20);
    }
    const national = await t.app.inject('/dip?q=kearsipan');
    expect(national.body).toContain(`${SEARCH_CANDIDATES} informasi atau lebih ditemukan`);
    const inOffice = await t.app.inject('/kpu-kab-garut/dip?q=kearsipan');
    expect(inOffice.body).toContain(`${SEARCH_CANDIDATES} informasi atau lebih ditemukan`);
    // Below the cap the count is exact and worded as such.
    const few = await t.app.inject('/dip?q=kearsipan+nomor+7');
    expect(few.body).not.toContain('atau lebih');
    expect(few.body).toMatch(/\d+ informasi ditemukan/);
    // A page past the ranked matches is empty but still knows the capped total.
    const past = await t.app.inject(`/api/v1/dip/entries?q=kearsipan&page=${SEARCH_CANDIDATES / 20 + 1}`);
    expect(past.json()).toMatchObject({ entries: [], total: SEARCH_CANDIDATES });
  });
});
