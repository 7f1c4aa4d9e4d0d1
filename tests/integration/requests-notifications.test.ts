import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobWorker } from '../../src/platform/jobs/queue.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { cliActor, publicActor } from '../../src/modules/access/actor.ts';
import { closeLapsedIncompleteRequests } from '../../src/modules/requests/close-lapsed-incomplete-requests.ts';
import { markRequestIncomplete } from '../../src/modules/requests/mark-request-incomplete.ts';
import { findRequest } from '../../src/modules/requests/queries.ts';
import { registerRequest } from '../../src/modules/requests/register-request.ts';
import { requestDeadlineSweepJob } from '../../src/modules/requests/requests-jobs.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { jobDefinitions, periodicTasks } from '../../src/jobs.ts';
import { createStaff, office } from '../helpers/factories.ts';
import { pngImage, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp-peer.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Emails reach a real SMTP server; reminders and the completeness auto-close are jobs that may
// run twice (or on two processes) and still act once.

const OFFICE = 'kpu-kota-bandung';
const PPID_EMAIL = 'ppid.notif@test.terbuka.test';
const DESK_EMAIL = 'desk.notif@test.terbuka.test';
let t: TestApp;
let peer: SmtpPeer;
let worker: JobWorker;
let officeId: string;

beforeAll(async () => {
  peer = await startSmtpPeer();
  t = await createTestApp({
    now: '2026-11-18T02:00:00Z',
    env: { SMTP_URL: peer.url, PUBLIC_URL: 'https://ppid.kpu.test' },
  });
  officeId = (await office(t.db.db, OFFICE)).id;
  await createStaff(t.db.db, t.clock, { email: PPID_EMAIL, roles: [{ office: OFFICE, role: 'PPID' }] });
  await createStaff(t.db.db, t.clock, {
    email: DESK_EMAIL,
    roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }],
  });
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

async function submit(email: string) {
  return submitRequest(requestsCtx(t), publicActor(), {
    officeId,
    channel: 'WEB',
    data: sampleRequest({ email }),
    uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage() }],
  });
}

const mailsTo = (to: string) => peer.messages.filter((m) => m.to.includes(to));

async function outboxCount(requestId: string, template: string): Promise<number> {
  const rows = await t.db.db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.officeId, officeId),
        eq(mailOutbox.entityId, requestId),
        eq(mailOutbox.template, template),
      ),
    );
  return rows.length;
}

async function runSweep() {
  await requestDeadlineSweepJob(t.config).run({
    db: t.db.db,
    payload: {},
    officeId: null,
    jobId: 'manual',
    attempt: 1,
    now: t.clock.now(),
  });
}

describe('emails', () => {
  it('reach the requester and the staff over SMTP, with a text and an HTML part in Indonesian', async () => {
    const requester = 'pemohon.smtp@contoh.test';
    const submitted = await submit(requester);
    await worker.drain();
    const [mail] = mailsTo(requester);
    expect(mail, 'the requester received the registration email').toBeDefined();
    expect(mail!.subject).toBe(`Permohonan informasi Anda diterima — Nomor ${submitted.number}`);
    expect(mail!.contentType).toMatch(/^multipart\/alternative/);
    for (const part of [mail!.text, mail!.html]) {
      expect(part).toContain(submitted.trackingCode);
      expect(part).toContain('2 Desember 2026');
      expect(part).toContain('https://ppid.kpu.test/kpu-kota-bandung/permohonan/cek');
    }
    expect(mail!.html).toContain('<table');
    expect(mail!.text).not.toContain('<');
    for (const staff of [PPID_EMAIL, DESK_EMAIL]) {
      const notice = mailsTo(staff).find((m) => m.subject.includes(submitted.number));
      expect(notice?.subject, staff).toContain('[Permohonan baru]');
      expect(notice?.text).not.toContain(submitted.trackingCode); // staff never get the requester's secret
      expect(notice?.text).not.toContain('3273010501900001');
    }
    const [row] = await t.db.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.officeId, officeId), eq(mailOutbox.toAddress, requester)));
    expect(row!.status).toBe('sent');
    // What stays behind holds neither the code nor the download token, not even encrypted.
    expect(JSON.stringify(row)).not.toContain(submitted.trackingCode);
    expect(JSON.stringify(row)).not.toContain(submitted.documentsToken);
    expect(row!.secretsEncrypted).toBeNull();
  });
});

describe('deadline reminders', () => {
  it('are sent once 2 working days before the due date and once when overdue, however often the sweep runs', async () => {
    t.clock.set('2026-11-18T02:00:00Z');
    const submitted = await submit('pemohon.reminder@contoh.test');
    await registerRequest(requestsCtx(t), cliActor(), { officeId, requestId: submitted.requestId });
    // Thursday 26 Nov: 4 working days left — nothing yet.
    t.clock.set('2026-11-26T02:00:00Z');
    await runSweep();
    expect(await outboxCount(submitted.requestId, 'staff-due-soon')).toBe(0);
    // Monday 30 Nov: 2 working days left (1 and 2 Dec). The sweep runs twice, and twice at once.
    t.clock.set('2026-11-30T01:00:00Z');
    await runSweep();
    await runSweep();
    await Promise.all([runSweep(), runSweep()]);
    t.clock.set('2026-11-30T05:00:00Z');
    await worker.schedulePeriodic();
    await worker.drain();
    expect(await outboxCount(submitted.requestId, 'staff-due-soon')).toBe(2); // PPID and desk, once each
    expect(
      mailsTo(PPID_EMAIL).filter((m) => m.subject.startsWith(`[Pengingat] Permohonan ${submitted.number}`)),
    ).toHaveLength(1);
    // Thursday 3 Dec: overdue.
    t.clock.set('2026-12-03T01:00:00Z');
    await Promise.all([runSweep(), runSweep()]);
    await runSweep();
    await worker.drain();
    expect(await outboxCount(submitted.requestId, 'staff-overdue')).toBe(2);
    const overdue = mailsTo(DESK_EMAIL).filter((m) =>
      m.subject.startsWith(`[Lewat tenggat] Permohonan ${submitted.number}`),
    );
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.text).toContain('Pasal 35');
  });
});

describe('the completeness period', () => {
  it('closes an incomplete request by itself once the period ends, and tells the requester once', async () => {
    t.clock.set('2026-11-18T02:00:00Z'); // Wednesday
    const requester = 'pemohon.lengkap@contoh.test';
    const submitted = await submit(requester);
    const incomplete = await markRequestIncomplete(requestsCtx(t), cliActor(), {
      officeId,
      requestId: submitted.requestId,
      data: { missing: ['SURAT_KUASA', 'LAINNYA'], note: 'Surat kuasa belum ditandatangani.' },
    });
    expect(incomplete.completionDueDate).toBe('2026-11-23'); // Thu, Fri, Mon
    t.clock.set('2026-11-23T09:00:00Z'); // still the last day (16.00 WIB)
    await worker.schedulePeriodic();
    await worker.drain();
    expect((await findRequest(t.db.db, officeId, submitted.requestId))!.status).toBe('INCOMPLETE');
    t.clock.set('2026-11-24T01:00:00Z'); // Tuesday 08.00 WIB
    await worker.schedulePeriodic();
    await worker.drain();
    await runSweep();
    await worker.drain();
    expect((await findRequest(t.db.db, officeId, submitted.requestId))!.status).toBe('CLOSED_INCOMPLETE');
    const notices = mailsTo(requester).map((m) => m.subject);
    expect(notices.filter((s) => s.includes('belum lengkap'))).toHaveLength(1);
    expect(notices.filter((s) => s.includes('ditutup karena tidak dilengkapi'))).toHaveLength(1);
    const incompleteMail = mailsTo(requester).find((m) => m.subject.includes('belum lengkap'))!;
    expect(incompleteMail.text).toContain('Surat kuasa dari anggota kelompok');
    expect(incompleteMail.text).toContain('23 November 2026');
  });

  it('closes each lapsed request once when two sweeps run side by side', async () => {
    t.clock.set('2026-11-18T02:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const submitted = await submit(`pemohon.paralel${i}@contoh.test`);
      await markRequestIncomplete(requestsCtx(t), cliActor(), {
        officeId,
        requestId: submitted.requestId,
        data: { missing: ['LAINNYA'], note: 'Lengkapi.' },
      });
      ids.push(submitted.requestId);
    }
    t.clock.set('2026-11-24T01:00:00Z');
    const ctx = { ...requestsCtx(t), publicUrl: t.config.publicUrl };
    const [a, b] = await Promise.all([
      closeLapsedIncompleteRequests(ctx),
      closeLapsedIncompleteRequests(ctx),
    ]);
    expect(a + b).toBe(6);
    for (const id of ids)
      expect((await findRequest(t.db.db, officeId, id))!.status).toBe('CLOSED_INCOMPLETE');
  });
});
