import { CHANNELS } from './channels.ts';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// Every email — and every phone notice (WhatsApp or SMS, issue 15) — is written here first, in
// the transaction that causes it, then sent by a job. With no transport configured for its
// channel it stays here as 'held': the outbox admins read.
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** How it leaves: 'whatsapp' rows are sent by SMS when only an SMS gateway is set (then 'sms'). */
    channel: text('channel', { enum: CHANNELS }).notNull().default('email'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    /**
     * Secrets that let someone act as the recipient (tracking code, download link), AES-GCM
     * encrypted; the bodies above hold placeholders instead (see mailer.ts). Cleared once sent.
     */
    secretsEncrypted: text('secrets_encrypted'),
    status: text('status', { enum: ['queued', 'sent', 'held', 'failed'] })
      .notNull()
      .default('queued'),
    template: text('template').notNull(),
    /** A phone notice's parts for a WhatsApp message template: name, what happened, link. */
    templateParams: text('template_params').array(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    dedupeKey: text('dedupe_key'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    uniqueIndex('mail_outbox_dedupe_idx').on(t.officeId, t.dedupeKey),
    index('mail_outbox_created_idx').on(t.officeId, t.createdAt),
  ],
);
