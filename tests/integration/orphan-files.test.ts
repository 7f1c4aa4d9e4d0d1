import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicActor, type Actor } from '../../src/modules/access/actor.ts';
import { fileObjection } from '../../src/modules/objections/file-objection.ts';
import { JobWorker } from '../../src/platform/jobs/queue.ts';
import { jobs } from '../../src/platform/jobs/schema.ts';
import { orphanFilesSweepJob } from '../../src/jobs.ts';
import { ORPHAN_GRACE_MS, sweepOrphanFiles } from '../../src/platform/storage/file-store.ts';
import { createStaff, office } from '../helpers/factories.ts';
import { CASE, objectOnline, refusedRequest, submitOnline } from '../helpers/objections-fixtures.ts';
import { actorOf, pngImage, requestsCtx } from '../helpers/requests-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Issue 12, defect 7: a submission that fails after its scans were written leaves no file, and
// the sweep removes what a crash left behind (older than the grace period), never a file a row
// refers to.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let officeId: string;
let desk: Actor;
let ppid: Actor;

function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(path.relative(t.files.directory, p));
    }
  };
  walk(t.files.directory);
  return out.sort();
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-06-15T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  desk = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }] })).user,
  );
  ppid = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PPID' }] })).user,
  );
});
afterAll(async () => {
  await t.close();
});

describe('identity scans of a failed submission', () => {
  it('are deleted when the transaction that would record them fails', async () => {
    const r = await refusedRequest(t, officeId, { desk, ppid });
    await objectOnline(t, officeId, r);
    const before = storedFiles();
    // A second objection with an attorney's letter: the scan is written, then the "one open
    // objection per request" check fails inside the same transaction.
    const attempt = fileObjection(requestsCtx(t), publicActor(), {
      officeId,
      channel: 'WEB',
      requestNumber: r.number,
      trackingCode: r.trackingCode,
      data: {
        grounds: ['a'],
        caseDescription: CASE,
        attorneyName: 'Budi Santoso, S.H.',
        attorneyAddress: 'Jl. Braga No. 5, Bandung',
        attorneyPhone: '022 4200 100',
      },
      uploads: [{ field: 'powerOfAttorneyFile', filename: 'kuasa.png', bytes: pngImage(24) }],
    });
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT', key: 'objections.error.alreadyOpen' });
    expect(storedFiles()).toEqual(before);
  });

  it('stay when the submission succeeds', async () => {
    const before = storedFiles().length;
    await submitOnline(t, officeId);
    const after = storedFiles();
    expect(after.length).toBe(before + 1);
    expect(after.filter((f) => f.startsWith('enc')).length).toBeGreaterThan(0);
  });
});

describe('the orphan sweep', () => {
  function plant(key: string, ageMs: number): string {
    const p = path.join(t.files.directory, key);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, 'orphan');
    const when = new Date(Date.now() - ageMs);
    utimesSync(p, when, when);
    return key;
  }

  it('removes old unreferenced files and .tmp leftovers, keeps young ones and every recorded file', async () => {
    const recorded = storedFiles();
    expect(recorded.length).toBeGreaterThan(0);
    // Recorded files older than the grace period must survive.
    for (const key of recorded) {
      const when = new Date(Date.now() - 2 * ORPHAN_GRACE_MS);
      utimesSync(path.join(t.files.directory, key), when, when);
    }
    const oldOrphan = plant(path.join('enc', '00000000-0000-4000-8000-000000000001'), 2 * ORPHAN_GRACE_MS);
    const oldPlain = plant(path.join('ab', 'cd', 'abcd'.padEnd(64, '0')), 2 * ORPHAN_GRACE_MS);
    const oldTmp = plant(path.join('enc', 'x.tmp'), 2 * ORPHAN_GRACE_MS);
    const young = plant(path.join('enc', '00000000-0000-4000-8000-000000000002'), 60_000);

    const result = await sweepOrphanFiles(t.db.db, t.files, new Date());
    expect(result).toMatchObject({ removed: 2, removedTmp: 1 });
    const left = storedFiles();
    expect(left).not.toContain(oldOrphan);
    expect(left).not.toContain(oldPlain);
    expect(left).not.toContain(oldTmp);
    expect(left).toContain(young);
    for (const key of recorded) expect(left).toContain(key);
  });

  it('runs as a periodic job once per period, whichever of two workers gets there', async () => {
    const orphan = plant(path.join('enc', '00000000-0000-4000-8000-000000000003'), 2 * ORPHAN_GRACE_MS);
    const job = orphanFilesSweepJob({ ...t.config, dataDir: path.dirname(t.files.directory) });
    const make = () =>
      new JobWorker({
        db: t.db.db,
        clock: t.clock,
        definitions: [job],
        periodic: [{ job, everyMinutes: 6 * 60 }],
      });
    const [a, b] = [make(), make()];
    await Promise.all([a.schedulePeriodic(), b.schedulePeriodic()]);
    await Promise.all([a.drain(), b.drain()]);
    const runs = await t.db.db.select().from(jobs).where(eq(jobs.kind, 'files.sweep'));
    expect(runs.map((r) => r.status)).toEqual(['done']);
    expect(storedFiles()).not.toContain(orphan);
  });
});
