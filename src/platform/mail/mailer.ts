import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { queryRows, type Db } from '../db/database.ts';
import { PLATFORM_CHAIN, recordAudit } from '../audit/audit.ts';
import { defineJob, enqueue } from '../jobs/queue.ts';
import { mailOutbox } from './schema.ts';
import { decryptText, encryptText, type KeyRing } from '../crypto.ts';
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
  /**
   * Values in the text that let the recipient act (tracking code, download token). They are
   * stored only encrypted with `keys`; the stored bodies, and so the outbox, show a placeholder.
   */
  secrets?: { values: string[]; keys: KeyRing };
}

// How a secret sits in a stored body: a marker the sender fills in and the outbox hides.
const SECRET_MARK = /⟦secret:(\d+)⟧/g;
export const HIDDEN_SECRET = '[disembunyikan]';

function sealSecrets(mail: OutgoingMail): {
  subject: string;
  text: string;
  html: string;
  secretsEncrypted: string | null;
} {
  const values = (mail.secrets?.values ?? []).filter((v) => v.length >= 6);
  if (!mail.secrets || values.length === 0)
    return { subject: mail.subject, text: mail.text, html: mail.html, secretsEncrypted: null };
  const mark = (body: string) => values.reduce((out, v, i) => out.split(v).join(`⟦secret:${i}⟧`), body);
  return {
    subject: mark(mail.subject),
    text: mark(mail.text),
    html: mark(mail.html),
    secretsEncrypted: encryptText(mail.secrets.keys, JSON.stringify(values)),
  };
}

/** A stored body as staff may read it: every secret replaced by a placeholder. */
export function hideSecrets(body: string): string {
  return body.replace(SECRET_MARK, HIDDEN_SECRET);
}

function fillSecrets(body: string, values: string[]): string {
  return body.replace(SECRET_MARK, (_m, i: string) => values[Number(i)] ?? HIDDEN_SECRET);
}

export interface MailTransport {
  send(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
  }): Promise<{ messageId: string }>;
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

/** The outbox row of an email, its secrets sealed. */
function outboxRow(office: string, mail: OutgoingMail, now: Date): typeof mailOutbox.$inferInsert {
  const sealed = sealSecrets(mail);
  return {
    officeId: office,
    toAddress: mail.to,
    subject: sealed.subject,
    textBody: sealed.text,
    htmlBody: sealed.html,
    secretsEncrypted: sealed.secretsEncrypted,
    template: mail.template,
    entityType: mail.entityType ?? null,
    entityId: mail.entityId ?? null,
    dedupeKey: mail.dedupeKey ?? null,
    createdAt: now,
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
    .values(outboxRow(office, mail, now))
    .onConflictDoNothing()
    .returning({ id: mailOutbox.id });
  const row = rows[0];
  if (!row) return false;
  await enqueue(tx, sendMailJobType, { outboxId: row.id }, { officeId: office, now });
  return true;
}

/**
 * Queues several emails of one office in ONE statement (ADR 0106): the outbox rows and their
 * send jobs, for callers that hold a lock until commit (intake holds the office's number).
 * An email whose dedupe key was queued before gets no row and no job; returns how many were
 * queued.
 */
export async function queueMails(
  tx: Db,
  officeId: string | null,
  mails: readonly OutgoingMail[],
  now: Date,
): Promise<number> {
  if (mails.length === 0) return 0;
  const office = officeId ?? PLATFORM_CHAIN;
  const outbox = tx
    .insert(mailOutbox)
    .values(mails.map((m) => outboxRow(office, m, now)))
    .onConflictDoNothing()
    .returning({ officeId: mailOutbox.officeId, id: mailOutbox.id });
  const at = now.toISOString();
  const queued = await queryRows<{ id: string }>(
    tx,
    sql`with queued as (${outbox.getSQL()})
      insert into jobs (office_id, kind, payload, run_at, max_attempts, created_at)
      select office_id, ${sendMailJobType.kind}::text, jsonb_build_object('outboxId', id), ${at}::timestamptz,
        ${sendMailJobType.maxAttempts}::int, ${at}::timestamptz
      from queued returning id`,
  );
  return queued.length;
}

export const sendMailJobType = {
  kind: 'mail.send',
  payload: z.object({ outboxId: z.uuid() }),
  maxAttempts: 10,
};

/** The job that hands a queued email to SMTP; with no transport the email is held. */
export const sendMailJob = (settings: { transport: MailTransport | null; from: string; keys?: KeyRing }) =>
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
        if (mail.secretsEncrypted && !settings.keys)
          throw new Error('mail.send needs the data keys to fill in the secrets');
        const secrets =
          mail.secretsEncrypted && settings.keys
            ? (JSON.parse(decryptText(settings.keys, mail.secretsEncrypted)) as string[])
            : [];
        const { messageId } = await transport.send({
          from: settings.from,
          to: mail.toAddress,
          subject: fillSecrets(mail.subject, secrets),
          text: fillSecrets(mail.textBody, secrets),
          html: fillSecrets(mail.htmlBody, secrets),
        });
        // Once delivered the secrets are not kept, not even encrypted.
        await db
          .update(mailOutbox)
          .set({
            status: 'sent',
            sentAt: now,
            messageId,
            attempts: sql`${mailOutbox.attempts} + 1`,
            lastError: null,
            secretsEncrypted: null,
          })
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

/**
 * Held emails (queued while no SMTP server was set) go back to the queue (issue 13 item 14):
 * one by `ids`, or every held email of the office. Run inside the caller's transaction, with
 * its audit row; returns how many were released. Only call it when a transport is set, or the
 * job holds them again.
 */
export async function releaseHeldMail(
  tx: Db,
  officeId: string | null,
  now: Date,
  ids?: readonly string[],
): Promise<number> {
  const office = officeId ?? PLATFORM_CHAIN;
  const rows = await tx
    .update(mailOutbox)
    .set({ status: 'queued' })
    .where(
      and(
        eq(mailOutbox.officeId, office),
        eq(mailOutbox.status, 'held'),
        ids ? inArray(mailOutbox.id, [...ids]) : undefined,
      ),
    )
    .returning({ id: mailOutbox.id });
  for (const r of rows) await enqueue(tx, sendMailJobType, { outboxId: r.id }, { officeId: office, now });
  return rows.length;
}

/** Every office that has held emails: the start-up release (MAIL_SEND_HELD_ON_START) walks them. */
export async function officesWithHeldMail(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ officeId: mailOutbox.officeId })
    .from(mailOutbox)
    .where(eq(mailOutbox.status, 'held'));
  return rows.map((r) => r.officeId);
}

/**
 * The operator's choice (MAIL_SEND_HELD_ON_START): when the process starts with an SMTP server,
 * every held email of every office goes back to the queue, one transaction and one audit row
 * (actor "system") per office. Returns how many were released.
 */
export async function releaseHeldMailOnStart(db: Db, now: Date): Promise<number> {
  let total = 0;
  for (const officeId of await officesWithHeldMail(db)) {
    total += await db.transaction(async (tx) => {
      const n = await releaseHeldMail(tx, officeId, now);
      if (n > 0) {
        await recordAudit(
          tx,
          { type: 'system', label: 'MAIL_SEND_HELD_ON_START' },
          {
            officeId,
            action: 'mail.held_released',
            entityType: 'mail_outbox',
            entityId: null,
            after: { count: n, scope: 'start' },
          },
          now,
        );
      }
      return n;
    });
  }
  return total;
}
