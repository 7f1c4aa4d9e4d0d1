import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exemptionReviewReminderJob,
  exemptionSweepJob,
} from '../../src/modules/exemptions/exemptions-jobs.ts';
import { recordExemptionReview } from '../../src/modules/exemptions/record-review.ts';
import { expireExemptionEntries } from '../../src/modules/exemptions/expire-exemption-entries.ts';
import { findDecree, findEntry, listDikEntries } from '../../src/modules/exemptions/queries.ts';
import { dipEntries } from '../../src/modules/dip/schema.ts';
import { startDipCycle } from '../../src/modules/dip/start-cycle.ts';
import { jobDefinitions, periodicTasks } from '../../src/jobs.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { activeDecree } from '../helpers/exemptions-fixtures.ts';
import { dipTeam, useSeed001 } from '../helpers/dip-fixtures.ts';
import { office } from '../helpers/factories.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The expiry sweep: an entry whose end date has passed ends as EXPIRED once, however often and
// on however many processes the sweep runs; the PPID is told; the information is proposed for
// the DIP; the decree expires with its last entry; nothing expired stays in the public list.

let t: TestApp;
let team: Awaited<ReturnType<typeof dipTeam>>;
let officeId: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-04T02:00:00Z' });
  officeId = (await office(t.db.db, 'kpu-kota-bandung')).id;
  team = await dipTeam(t.db.db, t.clock, 'kpu-kota-bandung');
});
afterAll(async () => t.close());

const ctx = () => ({ db: t.db.db, clock: t.clock, publicUrl: 'https://ppid.kpu.test' });

describe('the expiry sweep', () => {
  it('ends the entry the day after its end date (office time), once, tells the PPID and proposes it for the DIP', async () => {
    await useSeed001({ db: t.db.db, clock: t.clock }, team, officeId);
    const cycle = await startDipCycle({ db: t.db.db, clock: t.clock }, team.ppid, {
      officeId,
      data: { year: 2027 },
    });
    const { decree, entry } = await activeDecree({ db: t.db.db, clock: t.clock }, team.ppid, officeId, {
      decree: { number: 'EXP-1/2026' },
      test: { periodCondition: '', periodUntil: '2026-11-20' },
      entry: {
        information: 'Rancangan jadwal pengadaan logistik Pemilihan Suara Ulang',
        ground: 'i',
        subPoint: '',
        periodCondition: '',
        periodUntil: '2026-11-20',
        legalBasis: 'Perpres 16/2018 tentang Pengadaan Barang/Jasa Pemerintah',
      },
    });
    t.clock.set('2026-11-20T16:59:00Z'); // 23:59 WIB on the end date: still in force
    expect(await expireExemptionEntries(ctx())).toEqual({ expired: 0 });
    t.clock.set('2026-11-20T17:01:00Z'); // 00:01 WIB the next day
    const job = exemptionSweepJob({ publicUrl: 'https://ppid.kpu.test' });
    const run = () =>
      job.run({ db: t.db.db, payload: {}, officeId: null, jobId: 'manual', attempt: 1, now: t.clock.now() });
    await Promise.all([run(), run()]);
    await run();
    const after = (await findEntry(t.db.db, officeId, entry.id))!;
    expect(after.status).toBe('EXPIRED');
    expect((await findDecree(t.db.db, officeId, decree.id))!.status).toBe('EXPIRED');
    const proposals = await t.db.db
      .select()
      .from(dipEntries)
      .where(
        and(
          eq(dipEntries.officeId, officeId),
          eq(dipEntries.cycleId, cycle.id),
          eq(dipEntries.status, 'PROPOSED'),
        ),
      );
    expect(
      proposals
        .filter((p) => p.documentTitle === 'Rancangan jadwal pengadaan logistik Pemilihan Suara Ulang')
        .map((p) => p.entryKey),
    ).toEqual([after.dipEntryKey]);
    const mails = await t.db.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.officeId, officeId), eq(mailOutbox.template, 'exemption-expired')));
    expect(mails.map((m) => m.toAddress)).toEqual([team.ppid.email]);
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    expect((await listDikEntries(t.db.db, bandung)).some((e) => e.id === entry.id)).toBe(false);
    const api = await t.app.inject({
      method: 'GET',
      url: '/api/v1/offices/kpu-kota-bandung/exempt-information',
    });
    expect(
      api.json<{ entries: { id: string; status: string }[] }>().entries.find((e) => e.id === entry.id)
        ?.status,
    ).toBe('EXPIRED');
  });

  it('reminds the PPID of a review due (six months), once per half-year however often it runs, and not after a review', async () => {
    // The office has a decree in force (an earlier one above expired; add one that stays).
    await activeDecree({ db: t.db.db, clock: t.clock }, team.ppid, officeId, {
      decree: { number: 'REV-1/2026' },
    });
    const job = exemptionReviewReminderJob({ publicUrl: 'https://ppid.kpu.test' });
    const run = () =>
      job.run({ db: t.db.db, payload: {}, officeId: null, jobId: 'manual', attempt: 1, now: t.clock.now() });
    const reminders = async () =>
      (
        await t.db.db
          .select()
          .from(mailOutbox)
          .where(and(eq(mailOutbox.officeId, officeId), eq(mailOutbox.template, 'exemption-review-due')))
      ).map((m) => m.toAddress);
    await Promise.all([run(), run()]);
    await run();
    expect(await reminders()).toEqual([team.ppid.email]);
    // The PPID records the review: no reminder in the next half-year until six months have passed.
    await recordExemptionReview({ db: t.db.db, clock: t.clock }, team.ppid, {
      officeId,
      data: { reviewedOn: '2026-11-21', note: 'Semua entri ditinjau; jangka waktu masih berlaku.' },
    });
    t.clock.set('2027-02-01T02:00:00Z');
    await run();
    expect(await reminders()).toEqual([team.ppid.email]);
    t.clock.set('2027-05-25T02:00:00Z'); // more than 182 days after 21 November
    await run();
    expect(await reminders()).toEqual([team.ppid.email, team.ppid.email]);
  });

  it('is a periodic task of the worker', () => {
    expect(periodicTasks(t.config).map((p) => p.job.kind)).toContain('exemptions.review-reminder');
    expect(jobDefinitions(t.config).map((d) => d.kind)).toContain('exemptions.expiry-sweep');
    expect(periodicTasks(t.config).map((p) => p.job.kind)).toContain('exemptions.expiry-sweep');
  });
});
