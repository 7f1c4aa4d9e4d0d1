import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// The job queue (ADR 0004): enqueued in the same transaction as the change that needs it,
// claimed with FOR UPDATE SKIP LOCKED, so each job runs once across processes. A dedupe key
// makes "enqueue the same follow-up twice" a no-op (reminders, periodic sweeps).
export const jobs = pgTable(
  'jobs',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'running', 'done', 'failed'] })
      .notNull()
      .default('pending'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    uniqueIndex('jobs_dedupe_idx').on(t.officeId, t.dedupeKey),
    index('jobs_due_idx').on(t.status, t.runAt),
  ],
);
