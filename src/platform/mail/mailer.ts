import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { queryRows, type Db } from '../db/database.ts';
import { PLATFORM_CHAIN, recordAudit } from '../audit/audit.ts';
import { defineJob, enqueue } from '../jobs/queue.ts';
import { mailOutbox } from './schema.ts';
import { decryptText, encryptText, type KeyRing } from '../crypto.ts';
import { safeErrorLine } from '../safe-error.ts';
import { phoneNoticeText, type Channel, type PhoneNotice, type Transport } from './channels.ts';

export interface OutgoingMail {
  /** An email address, or for 'whatsapp' / 'sms' a phone number in E.164 (+62…). */
  to: string;
  /** Default 'email'. A phone notice ('whatsapp', sent by SMS when only a gateway is set) carries no secret. */
  channel?: Channel;
  /** A phone notice's template parameters (name, what happened, link). */
  params?: string[];
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

/** Email is one channel among three: the same Transport as WhatsApp and SMS (channels.ts). */
export type MailTransport = Transport;

const E164 = /^\+[1-9][0-9]{7,14}$/;

/**
 * A phone notice (issue 15) as an outbox row: a short Indonesian text with the name and the
 * tracking link, never a secret. Its dedupe key is the event's key with the channel appended.
 */
export function phoneMail(
  to: string,
  notice: PhoneNotice,
  meta: { template: string; entityType: string; entityId: string; dedupeKey?: string },
): OutgoingMail {
  const text = phoneNoticeText(notice);
  return {
    to,
    channel: 'whatsapp',
    subject: notice.summary,
    text,
    html: '',
    params: [notice.name, notice.summary, notice.url],
    template: meta.template,
    entityType: meta.entityType,
    entityId: meta.entityId,
    ...(meta.dedupeKey ? { dedupeKey: `${meta.dedupeKey}:phone` } : {}),
  };
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
  const channel = mail.channel ?? 'email';
  if (channel !== 'email') {
    // A phone message is read on a lock screen and kept by the provider: no secret, ever.
    if (mail.secrets) throw new Error(`a ${channel} notice may not carry secrets`);
    if (!E164.test(mail.to)) throw new Error(`a ${channel} notice needs an E.164 number`);
  }
  const sealed = sealSecrets(mail);
  return {
    officeId: office,
    channel,
    templateParams: mail.params ?? null,
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

export interface SendSettings {
  /** SMTP; null = emails are held. */
  transport: Transport | null;
  from: string;
  keys?: KeyRing;
  /** WhatsApp Cloud API; a phone notice goes here first. */
  whatsapp?: Transport | null;
  /** SMS gateway: phone notices go here when no WhatsApp is set. */
  sms?: Transport | null;
}

/** The channel a row leaves by, and its transport; null = nothing set for it, the row is held. */
export function routeChannel(
  settings: Pick<SendSettings, 'transport' | 'whatsapp' | 'sms'>,
  channel: Channel,
): { channel: Channel; transport: Transport } | null {
  if (channel === 'email') return settings.transport ? { channel, transport: settings.transport } : null;
  if (channel === 'whatsapp' && settings.whatsapp) return { channel, transport: settings.whatsapp };
  return settings.sms ? { channel: 'sms', transport: settings.sms } : null;
}

/** Channels whose held rows can be sent now (the held-mail button and MAIL_SEND_HELD_ON_START). */
export function readyChannels(config: {
  smtpUrl?: string | undefined;
  whatsapp?: unknown;
  sms?: unknown;
}): Channel[] {
  return [
    ...(config.smtpUrl ? (['email'] as const) : []),
    ...(config.whatsapp || config.sms ? (['whatsapp', 'sms'] as const) : []),
  ];
}

/**
 * The job that hands a queued row to its channel: email to SMTP, a phone notice to WhatsApp
 * (or the SMS gateway when only that is set). With no transport for it the row is held.
 */
export const sendMailJob = (settings: SendSettings) =>
  defineJob({
    ...sendMailJobType,
    async run({ db, payload, now }) {
      const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, payload.outboxId));
      if (!mail || mail.status === 'sent') return;
      const route = routeChannel(settings, mail.channel);
      if (!route) {
        await db.update(mailOutbox).set({ status: 'held' }).where(eq(mailOutbox.id, mail.id));
        return;
      }
      const { transport } = route;
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
          ...(mail.templateParams ? { params: mail.templateParams } : {}),
        });
        // Once delivered the secrets are not kept, not even encrypted.
        await db
          .update(mailOutbox)
          .set({
            status: 'sent',
            channel: route.channel,
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
 * one by `ids`, or every held email of the office, of the `channels` given (default: all).
 * Run inside the caller's transaction, with its audit row; returns how many were released.
 * Only call it for channels with a transport (readyChannels), or the job holds them again.
 */
export async function releaseHeldMail(
  tx: Db,
  officeId: string | null,
  now: Date,
  ids?: readonly string[],
  channels?: readonly Channel[],
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
        channels ? inArray(mailOutbox.channel, [...channels]) : undefined,
      ),
    )
    .returning({ id: mailOutbox.id });
  for (const r of rows) await enqueue(tx, sendMailJobType, { outboxId: r.id }, { officeId: office, now });
  return rows.length;
}

/** Every office that has held emails: the start-up release (MAIL_SEND_HELD_ON_START) walks them. */
export async function officesWithHeldMail(db: Db, channels?: readonly Channel[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ officeId: mailOutbox.officeId })
    .from(mailOutbox)
    .where(
      and(eq(mailOutbox.status, 'held'), channels ? inArray(mailOutbox.channel, [...channels]) : undefined),
    );
  return rows.map((r) => r.officeId);
}

/**
 * The operator's choice (MAIL_SEND_HELD_ON_START): when the process starts with an SMTP server,
 * every held email of every office goes back to the queue, one transaction and one audit row
 * (actor "system") per office. Returns how many were released.
 */
export async function releaseHeldMailOnStart(
  db: Db,
  now: Date,
  channels?: readonly Channel[],
): Promise<number> {
  let total = 0;
  for (const officeId of await officesWithHeldMail(db, channels)) {
    total += await db.transaction(async (tx) => {
      const n = await releaseHeldMail(tx, officeId, now, undefined, channels);
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
