import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/pg-cluster.ts';
import { auditLog } from '../../src/platform/audit/schema.ts';
import { JobWorker } from '../../src/platform/jobs/queue.ts';
import {
  queueMail,
  releaseHeldMailOnStart,
  sendMailJob,
  smtpTransport,
} from '../../src/platform/mail/mailer.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Issue 13 item 14: emails held while no SMTP server was set are sent once it is — one or all,
// by whoever may read the outbox, audited; refused while there is still no server.
const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let officeId: string;
let port: number;
const received: string[] = [];
let server: SMTPServer;

const mail = (n: number) => ({
  to: `pemohon${n}@contoh.test`,
  subject: `Surat ${n}`,
  text: `Isi ${n}`,
  html: `<p>Isi ${n}</p>`,
  template: 'test-held',
});

beforeAll(async () => {
  port = await freePort();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString()));
      stream.on('end', () => {
        received.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  t = await createTestApp({ now: '2026-11-18T02:00:00Z', env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  officeId = (await office(t.db.db, OFFICE)).id;
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((r) => server.close(() => r()));
});

async function holdThree(): Promise<string[]> {
  // Queued while the process had no SMTP server: the job holds them.
  for (const n of [1, 2, 3])
    await t.db.db.transaction((tx) => queueMail(tx, officeId, mail(n), t.clock.now()));
  await new JobWorker({
    db: t.db.db,
    clock: t.clock,
    definitions: [sendMailJob({ transport: null, from: 'PPID <ppid@test>' })],
  }).drain();
  const rows = await t.db.db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.officeId, officeId),
        eq(mailOutbox.template, 'test-held'),
        eq(mailOutbox.status, 'held'),
      ),
    );
  expect(rows).toHaveLength(3);
  return rows.sort((a, b) => a.subject.localeCompare(b.subject)).map((r) => r.id);
}

describe('held mail', () => {
  it('sends one held email, then all the others, from the outbox page, with an audit row each time', async () => {
    const ids = await holdThree();
    const { email } = await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'ADMIN' }] });
    const admin = new TestClient(t.app);
    await admin.login(email, TEST_PASSWORD);
    const page = await admin.get(`/staff/${OFFICE}/kotak-keluar`);
    expect(page.body).toContain('Kirim semua email yang ditahan (3)');
    expect(page.body).toContain('Kirim sekarang');

    const one = await admin.post(
      `/staff/${OFFICE}/kotak-keluar/kirim-ditahan`,
      { outboxId: ids[0]! },
      { csrfFrom: `/staff/${OFFICE}/kotak-keluar` },
    );
    expect(one.statusCode).toBe(302);
    const sender = sendMailJob({
      transport: smtpTransport(`smtp://127.0.0.1:${port}`),
      from: 'PPID <ppid@test>',
    });
    await new JobWorker({ db: t.db.db, clock: t.clock, definitions: [sender] }).drain();
    expect(received.filter((m) => m.includes('Subject: Surat'))).toHaveLength(1);
    const status = async () =>
      (
        await t.db.db
          .select()
          .from(mailOutbox)
          .where(and(eq(mailOutbox.officeId, officeId), eq(mailOutbox.template, 'test-held')))
      )
        .map((r) => [r.subject, r.status])
        .sort();
    expect(await status()).toEqual([
      ['Surat 1', 'sent'],
      ['Surat 2', 'held'],
      ['Surat 3', 'held'],
    ]);

    await admin.post(
      `/staff/${OFFICE}/kotak-keluar/kirim-ditahan`,
      {},
      { csrfFrom: `/staff/${OFFICE}/kotak-keluar` },
    );
    await new JobWorker({ db: t.db.db, clock: t.clock, definitions: [sender] }).drain();
    expect(await status()).toEqual([
      ['Surat 1', 'sent'],
      ['Surat 2', 'sent'],
      ['Surat 3', 'sent'],
    ]);
    expect(received.filter((m) => m.includes('Subject: Surat'))).toHaveLength(3);

    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.officeId, officeId), eq(auditLog.action, 'mail.held_released')));
    expect(audits.map((a) => a.after)).toEqual([
      { count: 1, scope: 'one' },
      { count: 2, scope: 'all' },
    ]);
    expect((await admin.get(`/staff/${OFFICE}/kotak-keluar`)).body).not.toContain(
      'Kirim semua email yang ditahan',
    );
  });

  it('releases every held email at start when the operator chose MAIL_SEND_HELD_ON_START, audited as the system', async () => {
    await holdThree();
    expect(await releaseHeldMailOnStart(t.db.db, t.clock.now())).toBe(3);
    expect(await releaseHeldMailOnStart(t.db.db, t.clock.now())).toBe(0); // twice: nothing more
    const rows = await t.db.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.officeId, officeId), eq(mailOutbox.status, 'held')));
    expect(rows).toEqual([]);
    const [audit] = await t.db.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.officeId, officeId),
          eq(auditLog.actorType, 'system'),
          eq(auditLog.action, 'mail.held_released'),
        ),
      );
    expect(audit!.after).toEqual({ count: 3, scope: 'start' });
  });

  it('lets nobody without the outbox right release mail', async () => {
    const { email } = await createStaff(t.db.db, t.clock, {
      roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }],
    });
    const desk = new TestClient(t.app);
    await desk.login(email, TEST_PASSWORD);
    const res = await desk.post(
      `/staff/${OFFICE}/kotak-keluar/kirim-ditahan`,
      {},
      { csrfFrom: `/staff/${OFFICE}` },
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('held mail without an SMTP server', () => {
  it('refuses to release, and the page says why', async () => {
    const bare = await createTestApp({ now: '2026-11-18T02:00:00Z' });
    try {
      const bareOffice = (await office(bare.db.db, OFFICE)).id;
      await bare.db.db.transaction((tx) => queueMail(tx, bareOffice, mail(9), bare.clock.now()));
      await new JobWorker({
        db: bare.db.db,
        clock: bare.clock,
        definitions: [sendMailJob({ transport: null, from: 'PPID <ppid@test>' })],
      }).drain();
      const { email } = await createStaff(bare.db.db, bare.clock, {
        roles: [{ office: OFFICE, role: 'ADMIN' }],
      });
      const admin = new TestClient(bare.app);
      await admin.login(email, TEST_PASSWORD);
      expect((await admin.get(`/staff/${OFFICE}/kotak-keluar`)).body).toContain(
        'server SMTP belum diatur (SMTP_URL)',
      );
      const res = await admin.post(
        `/staff/${OFFICE}/kotak-keluar/kirim-ditahan`,
        {},
        { csrfFrom: `/staff/${OFFICE}/kotak-keluar` },
      );
      expect(res.statusCode).toBe(409);
      const [row] = await bare.db.db.select().from(mailOutbox).where(eq(mailOutbox.officeId, bareOffice));
      expect(row!.status).toBe('held');
    } finally {
      await bare.close();
    }
  });
});
