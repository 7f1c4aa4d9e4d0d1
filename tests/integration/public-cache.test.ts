import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/platform/db/open-database.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { cacheView } from '../../src/platform/cache/generation.ts';
import { updateOfficeSettings } from '../../src/modules/offices/update-office-settings.ts';
import { buildApp } from '../../src/web/app.ts';
import { createTestApp, testConfig, type TestApp } from '../helpers/test-app.ts';
import { dipTeam, entry, publishYear, useSeed001 } from '../helpers/dip-fixtures.ts';
import { office as officeBySlug } from '../helpers/factories.ts';
import { saveDipEntry } from '../../src/modules/dip/save-dip-entry.ts';
import { FileStore } from '../../src/platform/storage/file-store.ts';
import { testDatabaseKind } from '../helpers/test-env.ts';

// The public pages are cached per database generation (ADR 0072): every change to an office,
// its settings or its published DIP shows on the very next request, in this process and in
// another one on the same database; a page with a form or for a signed-in user is never shared.

let t: TestApp;
const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('public page cache', () => {
  it('serves the same page again and shows a new contact setting at once', async () => {
    const team = await dipTeam(t.db.db, t.clock, 'kpu-kota-bandung');
    const first = await get('/kpu-kota-bandung');
    expect(first.statusCode).toBe(200);
    expect(first.body).not.toContain('ppid-cache@kpu-bandung.go.id');
    const again = await get('/kpu-kota-bandung');
    expect(again.body).toBe(first.body);
    // No form, so no CSRF cookie is set for an anonymous visitor.
    expect(String(again.headers['set-cookie'] ?? '')).not.toContain('_csrf');

    const office = await officeBySlug(t.db.db, 'kpu-kota-bandung');
    await updateOfficeSettings({ db: t.db.db, clock: t.clock }, team.admin, {
      officeId: office.id,
      settings: { publicContact: { email: 'ppid-cache@kpu-bandung.go.id', whatsapp: '0812-3456-7890' } },
    });
    const after = await get('/kpu-kota-bandung');
    expect(after.body).toContain('ppid-cache@kpu-bandung.go.id');
    // The WhatsApp number opens a chat (issue 15).
    expect(after.body).toContain('<a href="https://wa.me/6281234567890">0812-3456-7890</a>');
  });

  it('shows a renamed office and a newly published DIP at once (page, national search, API)', async () => {
    const before = await get('/kpu-kota-bandung/dip');
    expect(before.statusCode).toBe(200);
    const searchBefore = await get('/dip?q=anggaran+perjalanan');
    const apiBefore = await get('/api/v1/dip/entries?q=anggaran+perjalanan');
    expect((JSON.parse(apiBefore.body) as { total: number }).total).toBe(0);

    const team = await dipTeam(t.db.db, t.clock, 'kpu-kota-cimahi');
    const cimahi = await officeBySlug(t.db.db, 'kpu-kota-cimahi');
    const ctx = { db: t.db.db, clock: t.clock };
    await useSeed001(ctx, team, cimahi.id);
    await publishYear(ctx, team, cimahi.id, 2026, async (cycle) => {
      void cycle;
      await saveDipEntry(ctx, team.ppid, {
        officeId: cimahi.id,
        data: entry({ documentTitle: 'Laporan anggaran perjalanan dinas 2025' }),
      });
    });
    const page = await get('/kpu-kota-cimahi/dip');
    expect(page.body).toContain('Laporan anggaran perjalanan dinas 2025');
    const search = await get('/dip?q=anggaran+perjalanan');
    expect(search.body).not.toBe(searchBefore.body);
    expect(search.body).toContain('Laporan anggaran perjalanan dinas 2025');
    const api = JSON.parse((await get('/api/v1/dip/entries?q=anggaran+perjalanan')).body) as {
      total: number;
      entries: { office: { name: string } }[];
    };
    expect(api.total).toBe(1);

    await t.db.db.execute(
      sql`update offices set name = 'KPU Kota Cimahi (Uji Cache)' where slug = 'kpu-kota-cimahi'`,
    );
    expect((await get('/kpu-kota-cimahi/dip')).body).toContain('KPU Kota Cimahi (Uji Cache)');
    const renamed = JSON.parse((await get('/api/v1/dip/entries?q=anggaran+perjalanan')).body) as {
      entries: { office: { name: string } }[];
    };
    expect(renamed.entries[0]!.office.name).toBe('KPU Kota Cimahi (Uji Cache)');
    expect((await get('/kpu-kota-cimahi')).body).toContain('KPU Kota Cimahi (Uji Cache)');
  });

  it('an entry page reads its entry from the cache and still shows a rename and a newer year at once', async () => {
    const team = await dipTeam(t.db.db, t.clock, 'kpu-kota-bogor');
    const bogor = await officeBySlug(t.db.db, 'kpu-kota-bogor');
    const ctx = { db: t.db.db, clock: t.clock };
    await useSeed001(ctx, team, bogor.id);
    const { version } = await publishYear(ctx, team, bogor.id, 2026, async () => {
      await saveDipEntry(ctx, team.ppid, {
        officeId: bogor.id,
        data: entry({ documentTitle: 'Rekapitulasi daftar pemilih Kota Bogor' }),
      });
    });
    const [row] = await queryRows<{ entry_key: string }>(
      t.db.db,
      sql`select entry_key from dip_version_entries where version_id = ${version.id} and document_title = 'Rekapitulasi daftar pemilih Kota Bogor'`,
    );
    const url = `/kpu-kota-bogor/dip/2026/${row!.entry_key}`;
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Rekapitulasi daftar pemilih Kota Bogor');
    // The live year links to the office's DIP without a year.
    expect(first.body).toContain('href="/kpu-kota-bogor/dip"');
    expect((await get(url)).body).toBe(first.body);
    expect((await get(`/kpu-kota-bogor/dip/2026/${crypto.randomUUID()}`)).statusCode).toBe(404);

    await t.db.db.execute(
      sql`update offices set name = 'KPU Kota Bogor (Uji Cache)' where slug = 'kpu-kota-bogor'`,
    );
    expect((await get(url)).body).toContain('KPU Kota Bogor (Uji Cache)');

    // A newer year published: the 2026 entry is no longer the live version's.
    t.clock.advance(400 * 24 * 3_600_000);
    await publishYear(ctx, team, bogor.id, 2027, async () => undefined);
    const older = await get(url);
    expect(older.statusCode).toBe(200);
    expect(older.body).toContain('href="/kpu-kota-bogor/dip?tahun=2026"');

    await t.db.db.execute(sql`update offices set active = false where slug = 'kpu-kota-bogor'`);
    expect((await get(url)).statusCode).toBe(404);
    await t.db.db.execute(
      sql`update offices set active = true, name = 'KPU Kota Bogor' where slug = 'kpu-kota-bogor'`,
    );
  });

  it('keeps pages apart by language and never shares a page with a form or a signed-in view', async () => {
    const id = await get('/kpu-kota-bandung/dip');
    const en = await get('/kpu-kota-bandung/dip', { cookie: 'tbk_lang=en' });
    expect(en.body).not.toBe(id.body);
    expect(en.body).toContain('lang="en"');
    // The request form has a CSRF token: each visitor gets their own.
    const f1 = await get('/kpu-kota-bandung/permohonan');
    const f2 = await get('/kpu-kota-bandung/permohonan');
    const token = (b: string) => /name="_csrf" value="([^"]+)"/.exec(b)?.[1];
    expect(token(f1.body)).toBeTruthy();
    expect(token(f1.body)).not.toBe(token(f2.body));
  });

  it('every read after a commit sees the new generation, also when reads overlap', async () => {
    const db = t.db.db;
    const gen = async () =>
      Number((await queryRows<{ n: string }>(db, sql`select n from cache_generation where id = 1`))[0]!.n);
    const g0 = await gen();
    const views = await Promise.all(Array.from({ length: 20 }, () => cacheView(db)));
    for (const v of views) expect(v.generation).toBe(g0);
    // A write while reads are on the wire: every read started after the commit sees it.
    const inFlight = Array.from({ length: 10 }, () => cacheView(db));
    await db.execute(sql`update office_settings set updated_at = updated_at where false`);
    const later = await Promise.all(Array.from({ length: 10 }, () => cacheView(db)));
    await Promise.all(inFlight);
    for (const v of later) expect(v.generation).toBe(g0 + 1);
  });
});

describe.runIf(testDatabaseKind() === 'postgres')('two processes on one PostgreSQL database', () => {
  it('a change made through one process shows at once in the other', async () => {
    const other = await openDatabase({ kind: 'postgres', url: t.db.url!, poolMax: 4 });
    const config = testConfig();
    const app2 = await buildApp({
      config,
      database: other,
      clock: t.clock,
      files: new FileStore('/tmp/terbuka-unused-files', config.dataKeys),
    });
    try {
      const warm = await app2.inject({ method: 'GET', url: '/kpu-kab-bintan' });
      expect(warm.statusCode).toBe(200);
      expect((await app2.inject({ method: 'GET', url: '/kpu-kab-bintan' })).body).toBe(warm.body);
      const team = await dipTeam(t.db.db, t.clock, 'kpu-kab-bintan');
      const bintan = await officeBySlug(t.db.db, 'kpu-kab-bintan');
      await updateOfficeSettings({ db: t.db.db, clock: t.clock }, team.admin, {
        officeId: bintan.id,
        settings: { publicContact: { phone: '0771 000 111' } },
      });
      expect((await app2.inject({ method: 'GET', url: '/kpu-kab-bintan' })).body).toContain('0771 000 111');
    } finally {
      await app2.close();
      await other.close();
    }
  });
});
