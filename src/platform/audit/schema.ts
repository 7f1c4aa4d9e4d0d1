import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Append-only audit log, one hash chain per office (the nil UUID holds platform-wide events).
// Each row's hash covers its content and the previous row's hash; `audit_chain_heads` holds
// the last seq and hash of each chain, so a deleted tail is detected too. UPDATE and DELETE
// on audit_log are refused by a trigger (migration 0001).
export const auditLog = pgTable(
  'audit_log',
  {
    officeId: uuid('office_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.seq] }),
    index('audit_log_entity_idx').on(t.officeId, t.entityType, t.entityId),
  ],
);

export const auditChainHeads = pgTable('audit_chain_heads', {
  officeId: uuid('office_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
