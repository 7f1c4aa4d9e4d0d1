import { and, desc, eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { PLATFORM_CHAIN } from '../audit/audit.ts';
import { defineJob, enqueue } from '../jobs/queue.ts';
import { mailOutbox } from './schema.ts';
import { safeErrorLine } from '../safe-error.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Name of the template that produced it, for the outbox listing. */
  template: string;
  entityType?: string;
  entityId?: string;
  /** Same key (per office) twice = one email: reminders are sent once. */
  dedupeKey?: string;
}

export interface MailTransport {
  send(mail: { from: string; to: string; subject: string; text: string; html: string }): Promise<{ messageId: string }>;
}

export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const info = await transporter.sendMail(mail);
      return { messageId: info.messageId };
    },
  };
}

/**
 * Queues an email inside the caller's transaction. Returns false when an email with the same
 * dedupe key was already queued for this office.
 */
export async function queueMail(
  tx: Db,
  officeId: string | null,
  mail: OutgoingMail,
  now: Date,
): Promise<boolean> {
  const office = officeId ?? PLATFORM_CHAIN;
  const rows = await tx
    .insert(mailOutbox)
    .values({
      officeId: office,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      template: mail.template,
      entityType: mail.entityType ?? null,
      entityId: mail.entityId ?? null,
      dedupeKey: mail.dedupeKey ?? null,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: mailOutbox.id });
  const row = rows[0];
  if (!row) return false;
  await enqueue(tx, sendMailJobType, { outboxId: row.id }, { officeId: office, now });
  return true;
}

export const sendMailJobType = {
  kind: 'mail.send',
  payload: z.object({ outboxId: z.uuid() }),
  maxAttempts: 10,
};

/** The job that hands a queued email to SMTP; with no transport the email is held. */
export const sendMailJob = (settings: { transport: MailTransport | null; from: string }) =>
  defineJob({
  ...sendMailJobType,
  async run({ db, payload, now }) {
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, payload.outboxId));
    if (!mail || mail.status === 'sent') return;
    const transport = settings.transport;
    if (!transport) {
      await db.update(mailOutbox).set({ status: 'held' }).where(eq(mailOutbox.id, mail.id));
      return;
    }
    try {
      const { messageId } = await transport.send({
        from: settings.from,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        html: mail.htmlBody,
      });
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: now, messageId, attempts: sql`${mailOutbox.attempts} + 1`, lastError: null })
        .where(eq(mailOutbox.id, mail.id));
    } catch (e) {
      await db
        .update(mailOutbox)
        .set({ attempts: sql`${mailOutbox.attempts} + 1`, lastError: safeErrorLine(e).slice(0, 2000) })
        .where(eq(mailOutbox.id, mail.id));
      throw e;
    }
  },
  });

export async function listOutbox(db: Db, officeId: string | null, limit = 100) {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.officeId, officeId ?? PLATFORM_CHAIN)))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}
