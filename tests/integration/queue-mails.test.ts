import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.ts';
import { JobWorker } from '../../src/platform/jobs/queue.ts';
import { jobs } from '../../src/platform/jobs/schema.ts';
import { queueMail, queueMails, sendMailJob } from '../../src/platform/mail/mailer.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { office } from '../helpers/factories.ts';

// queueMails (ADR 0106): several emails and their send jobs in one statement, with the same
// dedupe and rollback behaviour as queueMail.
let db: TestDatabase;
let officeId: string;
const clock = new ManualClock('2026-11-18T02:00:00Z');
const mail = (to: string, dedupeKey?: string) => ({
  to,
  subject: 'Permohonan baru',
  text: 'Nomor register 001/PPID/32.73/XI/2026',
  html: '<p>Nomor register 001/PPID/32.73/XI/2026</p>',
  template: 'staff-new-request',
  ...(dedupeKey ? { dedupeKey } : {}),
});

beforeAll(async () => {
  db = await createTestDatabase();
  officeId = (await office(db.db, 'kpu-kota-bandung')).id;
});
afterAll(async () => {
  await db.close();
});

describe('queueMails', () => {
  it('queues every new email with one send job each, and skips a dedupe key queued before', async () => {
    await db.db.transaction((tx) => queueMail(tx, officeId, mail('a@contoh.test', 'qm-1'), clock.now()));
    const queued = await db.db.transaction((tx) =>
      queueMails(
        tx,
        officeId,
        [mail('a@contoh.test', 'qm-1'), mail('b@contoh.test', 'qm-2'), mail('c@contoh.test')],
        clock.now(),
      ),
    );
    expect(queued).toBe(2);
    const rows = await db.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.officeId, officeId),
          inArray(mailOutbox.toAddress, ['a@contoh.test', 'b@contoh.test', 'c@contoh.test']),
        ),
      );
    expect(rows.map((r) => r.toAddress).sort()).toEqual(['a@contoh.test', 'b@contoh.test', 'c@contoh.test']);
    const sendJobs = await db.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.officeId, officeId), eq(jobs.kind, 'mail.send')));
    const jobbed = sendJobs.map((j) => (j.payload as { outboxId: string }).outboxId);
    for (const r of rows) expect(jobbed.filter((id) => id === r.id)).toHaveLength(1);
    expect(sendJobs.every((j) => j.maxAttempts === 10 && j.runAt.getTime() === clock.now().getTime())).toBe(
      true,
    );
    // The jobs run: with no SMTP server every email is held.
    await new JobWorker({
      db: db.db,
      clock,
      definitions: [sendMailJob({ transport: null, from: 'PPID <ppid@test>' })],
    }).drain();
    const after = await db.db
      .select()
      .from(mailOutbox)
      .where(
        inArray(
          mailOutbox.id,
          rows.map((r) => r.id),
        ),
      );
    expect(after.map((r) => r.status)).toEqual(['held', 'held', 'held']);
  });

  it('leaves neither email nor job when the transaction rolls back', async () => {
    await expect(
      db.db.transaction(async (tx) => {
        await queueMails(tx, officeId, [mail('rollback@contoh.test')], clock.now());
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const rows = await db.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'rollback@contoh.test'));
    expect(rows).toHaveLength(0);
  });
});
