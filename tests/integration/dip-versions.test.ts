import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/platform/errors.ts';
import { cancelDipCycle } from '../../src/modules/dip/cancel-cycle.ts';
import { deleteDipEntry } from '../../src/modules/dip/delete-dip-entry.ts';
import { diffDipYears } from '../../src/modules/dip/diff-dip-years.ts';
import {
  findCurrentVersion,
  findVersionOfYear,
  listVersionEntries,
  listWorkingEntries,
  type Version,
} from '../../src/modules/dip/queries.ts';
import { saveDipEntry } from '../../src/modules/dip/save-dip-entry.ts';
import { startDipCycle } from '../../src/modules/dip/start-cycle.ts';
import { dipTeam, entry, publishYear, useSeed001 } from '../helpers/dip-fixtures.ts';
import { office } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Publishing freezes a year's DIP as a version; the next year starts from it; two years can be
// compared; an update of a year makes a new revision; only published versions are public.

let t: TestApp;
let team: Awaited<ReturnType<typeof dipTeam>>;
let officeId: string;
let v2025: Version;
let v2026: Version;
const ctx = () => ({ db: t.db.db, clock: t.clock });

beforeAll(async () => {
  t = await createTestApp({ now: '2025-01-06T02:00:00Z' });
  team = await dipTeam(t.db.db, t.clock, 'kpu-kota-bandung');
  officeId = (await office(t.db.db, 'kpu-kota-bandung')).id;
  await useSeed001(ctx(), team, officeId);
});
afterAll(async () => {
  await t.close();
});

describe('publishing freezes the year as a version', () => {
  it('publishes 2025 with the entries of its draft, numbered by category, as the live DIP', async () => {
    ({ version: v2025 } = await publishYear(ctx(), team, officeId, 2025, async () => {
      await saveDipEntry(ctx(), team.ppid, {
        officeId,
        data: entry({ documentTitle: 'Profil KPU Kota Bandung', category: 'SETIAP_SAAT' }),
      });
      await saveDipEntry(ctx(), team.ppid, {
        officeId,
        data: entry({ documentTitle: 'Rencana Strategis 2020–2024' }),
      });
      await saveDipEntry(ctx(), team.ppid, {
        officeId,
        data: entry({ documentTitle: 'Materi sosialisasi pemilih', category: 'SERTA_MERTA' }),
      });
    }));
    expect(v2025).toMatchObject({
      year: 2025,
      revision: 1,
      entryCount: 3,
      current: true,
      decreeNumber: '2025/PPID/3273',
    });
    const frozen = await listVersionEntries(t.db.db, officeId, v2025.id);
    expect(frozen.map((e) => [e.position, e.category, e.documentTitle])).toEqual([
      [1, 'BERKALA', 'Rencana Strategis 2020–2024'],
      [2, 'SERTA_MERTA', 'Materi sosialisasi pemilih'],
      [3, 'SETIAP_SAAT', 'Profil KPU Kota Bandung'],
    ]);
  });

  it('cannot be edited once published: there is no draft to change', async () => {
    const err = await saveDipEntry(ctx(), team.ppid, {
      officeId,
      data: entry({ documentTitle: 'Terlambat' }),
    }).catch((e: unknown) => e);
    expect(isAppError(err) && err.key).toBe('dip.error.noActiveCycle');
  });

  it('starts 2026 from 2025: same entries, same keys, then changed, removed and added', async () => {
    t.clock.set('2026-01-05T02:00:00Z');
    const before = await listVersionEntries(t.db.db, officeId, v2025.id);
    ({ version: v2026 } = await publishYear(ctx(), team, officeId, 2026, async (cycle) => {
      const carried = await listWorkingEntries(t.db.db, officeId, cycle.id);
      expect(carried.map((e) => e.entryKey).sort()).toEqual(before.map((e) => e.entryKey).sort());
      expect(carried.every((e) => e.status === 'INCLUDED')).toBe(true);
      const renstra = carried.find((e) => e.documentTitle.startsWith('Rencana'))!;
      await saveDipEntry(ctx(), team.ppid, {
        officeId,
        entryId: renstra.id,
        data: entry({ documentTitle: 'Rencana Strategis 2025–2029' }),
      });
      await deleteDipEntry(ctx(), team.ppid, {
        officeId,
        entryId: carried.find((e) => e.documentTitle.startsWith('Materi'))!.id,
      });
      await saveDipEntry(ctx(), team.ppid, {
        officeId,
        data: entry({ documentTitle: 'Jadwal tahapan Pemilihan 2026', isElection: true }),
      });
    }));
    expect(v2026).toMatchObject({ year: 2026, revision: 1, entryCount: 3, current: true });
    expect((await findCurrentVersion(t.db.db, officeId))?.id).toBe(v2026.id);
  });

  it('leaves 2025 exactly as it was published', async () => {
    const after = await listVersionEntries(t.db.db, officeId, v2025.id);
    expect(after.map((e) => e.documentTitle)).toEqual([
      'Rencana Strategis 2020–2024',
      'Materi sosialisasi pemilih',
      'Profil KPU Kota Bandung',
    ]);
    expect(after.every((e) => !e.current)).toBe(true);
  });

  it('shows the difference between the two years: added, removed and changed entries', async () => {
    const { diff } = await diffDipYears(t.db.db, officeId, { dari: 2025, ke: 2026 });
    expect(diff.added.map((e) => e.documentTitle)).toEqual(['Jadwal tahapan Pemilihan 2026']);
    expect(diff.removed.map((e) => e.documentTitle)).toEqual(['Materi sosialisasi pemilih']);
    expect(diff.changed.map((c) => [c.before.documentTitle, c.after.documentTitle, c.fields])).toEqual([
      ['Rencana Strategis 2020–2024', 'Rencana Strategis 2025–2029', ['documentTitle']],
    ]);
    expect(diff.unchanged).toBe(1);
    const page = await t.app.inject('/kpu-kota-bandung/dip/perbandingan?dari=2025&ke=2026');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rencana Strategis 2025–2029');
    expect(page.body).toContain('Materi sosialisasi pemilih');
  });

  it('stamps only new and changed entries with the new publication time, for the Atom feed', async () => {
    const entries = await listVersionEntries(t.db.db, officeId, v2026.id);
    const stamp = (title: string) => entries.find((e) => e.documentTitle === title)!.changedAt.toISOString();
    expect(stamp('Profil KPU Kota Bandung')).toBe(v2025.publishedAt.toISOString());
    expect(stamp('Rencana Strategis 2025–2029')).toBe(v2026.publishedAt.toISOString());
    const feed = await t.app.inject('/kpu-kota-bandung/dip/atom.xml');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    const titles = [...feed.body.matchAll(/<entry>\s*<id>[^<]+<\/id>\s*<title>([^<]+)<\/title>/g)].map(
      (m) => m[1],
    );
    expect(titles.slice(0, 2).sort()).toEqual([
      'Jadwal tahapan Pemilihan 2026',
      'Rencana Strategis 2025–2029',
    ]);
    expect(titles).toHaveLength(3);
    expect(feed.body).not.toContain('Materi sosialisasi pemilih');
  });

  it('updates 2026 "whenever needed" as a second revision, which becomes the live DIP', async () => {
    t.clock.set('2026-06-01T02:00:00Z');
    const { cycle, version } = await publishYear(ctx(), team, officeId, 2026, async () => {
      await saveDipEntry(ctx(), team.ppid, {
        officeId,
        data: entry({
          documentTitle: 'Pengumuman perubahan jadwal pemungutan suara',
          category: 'SERTA_MERTA',
          isElection: true,
        }),
      });
    });
    expect(cycle.revision).toBe(2);
    expect(version).toMatchObject({ year: 2026, revision: 2, entryCount: 4, current: true });
    expect((await findVersionOfYear(t.db.db, officeId, 2026))?.id).toBe(version.id);
    const page = await t.app.inject('/kpu-kota-bandung/dip');
    expect(page.body).toContain('Pengumuman perubahan jadwal pemungutan suara');
    const old = await t.app.inject('/kpu-kota-bandung/dip?tahun=2025');
    expect(old.body).toContain('Rencana Strategis 2020–2024');
    expect(old.body).not.toContain('Pengumuman perubahan jadwal');
  });

  it('does not make an older year live when it is published later', async () => {
    const { version } = await publishYear(ctx(), team, officeId, 2024, async () => {
      await saveDipEntry(ctx(), team.ppid, { officeId, data: entry({ documentTitle: 'Arsip DIP 2024' }) });
    });
    expect(version.current).toBe(false);
    expect(await findCurrentVersion(t.db.db, officeId)).toMatchObject({ year: 2026, revision: 2 });
  });

  it('cancels a cycle started by mistake, with a reason, and lets the right one start', async () => {
    const wrong = await startDipCycle(ctx(), team.ppid, { officeId, data: { year: 2062 } });
    const noReason = await cancelDipCycle(ctx(), team.ppid, {
      officeId,
      cycleId: wrong.id,
      data: { note: '' },
    }).catch((e: unknown) => e);
    expect(isAppError(noReason) && noReason.code).toBe('VALIDATION');
    const forbidden = await cancelDipCycle(ctx(), team.atasan, {
      officeId,
      cycleId: wrong.id,
      data: { note: 'Salah tahun' },
    }).catch((e: unknown) => e);
    expect(isAppError(forbidden) && forbidden.code).toBe('FORBIDDEN');
    const cancelled = await cancelDipCycle(ctx(), team.ppid, {
      officeId,
      cycleId: wrong.id,
      data: { note: 'Salah tahun, seharusnya 2027' },
    });
    expect(cancelled.status).toBe('CANCELLED');
    const right = await startDipCycle(ctx(), team.ppid, { officeId, data: { year: 2027 } });
    expect(right).toMatchObject({ year: 2027, revision: 1, status: 'ACTIVE' });
    expect(await findCurrentVersion(t.db.db, officeId)).toMatchObject({ year: 2026, revision: 2 });
  });
});
