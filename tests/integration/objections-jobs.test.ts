import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobWorker } from '../../src/platform/jobs/queue.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import type { Actor } from '../../src/modules/access/actor.ts';
import { decideObjection } from '../../src/modules/objections/decide-objection.ts';
import { objectionSweepJob } from '../../src/modules/objections/objections-jobs.ts';
import { findObjection, listObjectionEvents } from '../../src/modules/objections/queries.ts';
import { jobDefinitions, periodicTasks } from '../../src/jobs.ts';
import { createStaff, office } from '../helpers/factories.ts';
import { objectOnline, refusedRequest } from '../helpers/objections-fixtures.ts';
import { actorOf, requestsCtx } from '../helpers/requests-fixtures.ts';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// The objection sweep is a job that may run twice (or on two processes): reminders to the
// Atasan PPID before the 30th working day and when overdue go out once; an answer period that
// ends unanswered moves the objection to LAPSED, and the requester hears of the Komisi Informasi.

const OFFICE = 'kpu-kota-bandung';
const ATASAN = 'atasan.jobs@test.terbuka.test';
let t: TestApp;
let peer: SmtpPeer;
let worker: JobWorker;
let officeId: string;
let desk: Actor;
let ppid: Actor;
let atasan: Actor;

beforeAll(async () => {
  peer = await startSmtpPeer();
  t = await createTestApp({
    now: '2026-11-02T02:00:00Z',
    env: { SMTP_URL: peer.url, PUBLIC_URL: 'https://ppid.kpu.test' },
  });
  officeId = (await office(t.db.db, OFFICE)).id;
  desk = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }] })).user,
  );
  ppid = await actorOf(
    t,
    (
      await createStaff(t.db.db, t.clock, {
        email: 'ppid.jobs@test.terbuka.test',
        roles: [{ office: OFFICE, role: 'PPID' }],
      })
    ).user,
  );
  atasan = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { email: ATASAN, roles: [{ office: OFFICE, role: 'ATASAN_PPID' }] }))
      .user,
  );
  worker = new JobWorker({
    db: t.db.db,
    clock: t.clock,
    definitions: jobDefinitions(t.config),
    periodic: periodicTasks(t.config),
  });
});
afterAll(async () => {
  await t.close();
  await peer.stop();
});

async function sweep() {
  await objectionSweepJob(t.config).run({
    db: t.db.db,
    payload: {},
    officeId: null,
    jobId: 'manual',
    attempt: 1,
    now: t.clock.now(),
  });
}

async function mails(objectionId: string, template: string) {
  return t.db.db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.officeId, officeId),
        eq(mailOutbox.entityId, objectionId),
        eq(mailOutbox.template, template),
      ),
    );
}

describe('the objection sweep', () => {
  it('reminds the Atasan PPID once before the due date and once when overdue, however often it runs', async () => {
    t.clock.set('2026-11-02T02:00:00Z'); // Monday 2 November 2026
    const request = await refusedRequest(t, officeId, { desk, ppid }, { email: 'pemohon.jobs@contoh.test' });
    const filed = await objectOnline(t, officeId, request);
    expect(filed.dueDate).toBe('2026-12-14'); // 30 WD, no holiday in between

    t.clock.set('2026-12-04T01:00:00Z'); // Friday 4 December: 6 WD left, outside the 5-day window
    await sweep();
    expect(await mails(filed.objectionId, 'atasan-due-soon')).toHaveLength(0);

    t.clock.set('2026-12-07T01:00:00Z'); // Monday 7 December: 5 WD left
    await sweep();
    await sweep();
    const dueSoon = await mails(filed.objectionId, 'atasan-due-soon');
    expect(dueSoon.map((m) => m.toAddress)).toEqual([ATASAN]);
    expect(dueSoon[0]!.subject).toBe(
      `[Pengingat] Tanggapan keberatan ${filed.number} paling lambat 14 Desember 2026`,
    );

    // The day after the due date: the sweep lapses it and sends the overdue reminder, once.
    t.clock.set('2026-12-15T01:00:00Z');
    await Promise.all([sweep(), sweep()]);
    await sweep();
    const row = (await findObjection(t.db.db, officeId, filed.objectionId))!;
    // 14 WD from the lapsed due date (14 Dec), Christmas, its cuti bersama and 1 January (2027 not loaded) skipped → 6 January 2027.
    expect(row).toMatchObject({ status: 'LAPSED', disputeDeadline: '2027-01-06' });
    expect((await mails(filed.objectionId, 'atasan-overdue')).map((m) => m.toAddress)).toEqual([ATASAN]);
    expect(await mails(filed.objectionId, 'objection-lapsed')).toHaveLength(1);
    const events = await listObjectionEvents(t.db.db, officeId, filed.objectionId, false);
    expect(events.filter((e) => e.kind === 'LAPSED')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'OVERDUE_REMINDER')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'DUE_SOON_REMINDER')).toHaveLength(1);

    // Over SMTP, the requester learns where to go next.
    await worker.drain();
    const lapsedMail = peer.messages.find(
      (m) => m.to.includes('pemohon.jobs@contoh.test') && m.subject.includes('belum ditanggapi'),
    );
    expect(lapsedMail?.text).toContain('Komisi Informasi Provinsi Jawa Barat');
    expect(lapsedMail?.text).toContain('6 Januari 2027');

    // A late answer is still recorded.
    await decideObjection(requestsCtx(t), atasan, {
      officeId,
      objectionId: filed.objectionId,
      data: {
        outcome: 'REJECTED',
        reasons: 'Informasi tersebut dikecualikan berdasarkan Pasal 17 huruf h angka 2 dan uji konsekuensi.',
      },
    });
    expect((await findObjection(t.db.db, officeId, filed.objectionId))!.status).toBe('DECIDED');
  });

  it('does not lapse an objection on its due date, only the day after', async () => {
    t.clock.set('2026-11-02T02:00:00Z');
    const request = await refusedRequest(t, officeId, { desk, ppid });
    const filed = await objectOnline(t, officeId, request);
    t.clock.set('2026-12-14T09:00:00Z'); // 16.00 WIB on the due date
    await sweep();
    expect((await findObjection(t.db.db, officeId, filed.objectionId))!.status).toBe('REGISTERED');
    t.clock.set('2026-12-14T17:30:00Z'); // 00.30 WIB on 15 December
    await sweep();
    expect((await findObjection(t.db.db, officeId, filed.objectionId))!.status).toBe('LAPSED');
  });

  it('runs as a periodic task of the worker', async () => {
    expect(periodicTasks(t.config).map((p) => p.job.kind)).toContain('objections.deadline-sweep');
    expect(jobDefinitions(t.config).map((d) => d.kind)).toContain('objections.deadline-sweep');
  });
});
