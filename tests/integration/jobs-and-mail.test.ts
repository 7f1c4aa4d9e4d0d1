import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ManualClock } from '../../src/platform/clock.ts';
import { defineJob, enqueue, JobWorker } from '../../src/platform/jobs/queue.ts';
import { jobs } from '../../src/platform/jobs/schema.ts';
import { queueMail, sendMailJob, smtpTransport } from '../../src/platform/mail/mailer.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { freePort } from '../../scripts/pg-cluster.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { office } from '../helpers/factories.ts';
import { testDatabaseKind } from '../helpers/test-env.ts';

let db: TestDatabase;
let officeId: string;
const clock = new ManualClock('2026-11-18T02:00:00Z');
const runs: string[] = [];

const echoJob = defineJob({
  kind: 'test.echo',
  payload: z.object({ text: z.string() }),
  async run({ payload }) {
    runs.push(payload.text);
  },
});

let failuresLeft = 0;
const flakyJob = defineJob({
  kind: 'test.flaky',
  payload: z.object({}),
  maxAttempts: 3,
  async run() {
    if (failuresLeft-- > 0) throw new Error('temporary failure');
    runs.push('flaky ok');
  },
});

beforeAll(async () => {
  db = await createTestDatabase();
  officeId = (await office(db.db, 'kpu-kota-bandung')).id;
});
afterAll(async () => {
  await db.close();
});

function worker(extra: Partial<ConstructorParameters<typeof JobWorker>[0]> = {}) {
  return new JobWorker({ db: db.db, clock, definitions: [echoJob, flakyJob], ...extra });
}

describe('job queue', () => {
  it('enqueues with the transaction: a rolled-back change leaves no job', async () => {
    await expect(
      db.db.transaction(async (tx) => {
        await enqueue(tx, echoJob, { text: 'lost' }, { officeId, now: clock.now() });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const [row] = await db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(eq(jobs.kind, 'test.echo'));
    expect(row!.n).toBe(0);
  });

  it('runs a job once, and a second enqueue with the same dedupe key is ignored', async () => {
    runs.length = 0;
    const first = await enqueue(
      db.db,
      echoJob,
      { text: 'reminder' },
      { officeId, now: clock.now(), dedupeKey: 'reminder:r1:due-soon' },
    );
    const second = await enqueue(
      db.db,
      echoJob,
      { text: 'reminder' },
      { officeId, now: clock.now(), dedupeKey: 'reminder:r1:due-soon' },
    );
    expect([first, second]).toEqual([true, false]);
    const w = worker();
    await w.drain();
    await w.drain();
    expect(runs).toEqual(['reminder']);
  });

  it('does not run a job before its time', async () => {
    runs.length = 0;
    await enqueue(
      db.db,
      echoJob,
      { text: 'later' },
      { officeId, now: clock.now(), runAt: new Date(clock.now().getTime() + 3600_000) },
    );
    await worker().drain();
    expect(runs).toEqual([]);
    clock.advance(3600_000);
    await worker().drain();
    expect(runs).toEqual(['later']);
  });

  it('retries a failing job with back-off and gives up after its attempts', async () => {
    runs.length = 0;
    failuresLeft = 1;
    await enqueue(db.db, flakyJob, {}, { officeId, now: clock.now() });
    const w = worker();
    await w.drain();
    expect(runs).toEqual([]);
    clock.advance(20_000);
    await w.drain();
    expect(runs).toEqual(['flaky ok']);

    failuresLeft = 10;
    await enqueue(db.db, flakyJob, {}, { officeId, now: clock.now(), dedupeKey: 'doomed' });
    for (let i = 0; i < 4; i++) {
      clock.advance(120_000);
      await w.drain();
    }
    const [doomed] = await db.db.select().from(jobs).where(eq(jobs.dedupeKey, 'doomed'));
    expect(doomed!.status).toBe('failed');
    expect(doomed!.attempts).toBe(3);
    expect(doomed!.lastError).toContain('temporary failure');
  });

  it('gives a job back to the queue when its worker died while running it', async () => {
    runs.length = 0;
    await enqueue(db.db, echoJob, { text: 'orphan' }, { officeId, now: clock.now(), dedupeKey: 'orphan' });
    await db.db
      .update(jobs)
      .set({
        status: 'running',
        lockedBy: 'dead-worker',
        lockedUntil: new Date(clock.now().getTime() + 60_000),
      })
      .where(eq(jobs.dedupeKey, 'orphan'));
    await worker().drain();
    expect(runs).toEqual([]);
    clock.advance(61_000);
    await worker().drain();
    expect(runs).toEqual(['orphan']);
  });

  it('runs each job once when two workers drain side by side', async () => {
    runs.length = 0;
    for (let i = 0; i < 40; i++)
      await enqueue(db.db, echoJob, { text: `job ${i}` }, { officeId, now: clock.now() });
    await Promise.all([worker({ batchSize: 3 }).drain(), worker({ batchSize: 3 }).drain()]);
    expect(runs).toHaveLength(40);
    expect(new Set(runs).size).toBe(40);
  });

  it('enqueues a periodic sweep once per period, whichever process gets there first', async () => {
    runs.length = 0;
    const sweep = defineJob({
      kind: 'test.sweep',
      payload: z.object({}),
      run: async () => void runs.push('sweep'),
    });
    const a = new JobWorker({
      db: db.db,
      clock,
      definitions: [sweep],
      periodic: [{ job: sweep, everyMinutes: 60 }],
    });
    const b = new JobWorker({
      db: db.db,
      clock,
      definitions: [sweep],
      periodic: [{ job: sweep, everyMinutes: 60 }],
    });
    await a.schedulePeriodic();
    await b.schedulePeriodic();
    await Promise.all([a.drain(), b.drain()]);
    expect(runs).toEqual(['sweep']);
    clock.advance(3600_000);
    await b.schedulePeriodic();
    await a.drain();
    expect(runs).toEqual(['sweep', 'sweep']);
  });
});

describe('email', () => {
  const mail = {
    to: 'pemohon@example.id',
    subject: 'Permohonan Anda telah diregistrasi',
    text: 'Nomor register 001/PPID/32.73/XI/2026',
    html: '<p>Nomor register <strong>001/PPID/32.73/XI/2026</strong></p>',
    template: 'request.registered',
  };

  it('keeps an email in the outbox ("held") when no SMTP server is configured', async () => {
    await db.db.transaction((tx) => queueMail(tx, officeId, { ...mail, dedupeKey: 'held-1' }, clock.now()));
    await new JobWorker({
      db: db.db,
      clock,
      definitions: [sendMailJob({ transport: null, from: 'PPID <ppid@test>' })],
    }).drain();
    const [row] = await db.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, 'held-1'));
    expect(row!.status).toBe('held');
    expect(row!.textBody).toContain('001/PPID/32.73/XI/2026');
  });

  it('sends once through a real SMTP peer, with text and HTML parts', async () => {
    const received: string[] = [];
    const port = await freePort();
    const server = new SMTPServer({
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
    try {
      const sender = sendMailJob({
        transport: smtpTransport(`smtp://127.0.0.1:${port}`),
        from: 'PPID KPU Kota Bandung <ppid@test>',
      });
      await db.db.transaction((tx) => queueMail(tx, officeId, { ...mail, dedupeKey: 'smtp-1' }, clock.now()));
      await db.db.transaction((tx) => queueMail(tx, officeId, { ...mail, dedupeKey: 'smtp-1' }, clock.now()));
      await new JobWorker({ db: db.db, clock, definitions: [sender] }).drain();
      await new JobWorker({ db: db.db, clock, definitions: [sender] }).drain();
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('Subject: Permohonan Anda telah diregistrasi');
      expect(received[0]).toContain('text/plain');
      expect(received[0]).toContain('text/html');
      const [row] = await db.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, 'smtp-1'));
      expect(row!.status).toBe('sent');
      expect(row!.messageId).toBeTruthy();
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('retries when the SMTP server is down, and the email stays queued meanwhile', async () => {
    const port = await freePort();
    const sender = sendMailJob({
      transport: smtpTransport(`smtp://127.0.0.1:${port}`),
      from: 'PPID <ppid@test>',
    });
    await db.db.transaction((tx) => queueMail(tx, officeId, { ...mail, dedupeKey: 'down-1' }, clock.now()));
    await new JobWorker({ db: db.db, clock, definitions: [sender] }).drain();
    const [row] = await db.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, 'down-1'));
    expect(row!.status).toBe('queued');
    expect(row!.lastError).toBeTruthy();
    const [job] = await db.db
      .select()
      .from(jobs)
      .where(sql`${jobs.payload}->>'outboxId' = ${row!.id}`);
    expect(job!.status).toBe('pending');
  });
});

describe('database mode', () => {
  it(`runs on ${testDatabaseKind()}`, () => {
    expect(['pglite', 'postgres']).toContain(db.kind);
    expect(db.kind).toBe(testDatabaseKind());
  });
});
