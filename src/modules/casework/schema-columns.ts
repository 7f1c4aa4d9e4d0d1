import { boolean, jsonb, text, timestamp } from 'drizzle-orm/pg-core';

// The columns every case type's timeline table has (request_events, objection_events), after
// its own office_id, id and case id. A function, so each table gets its own column objects.

export function caseEventColumns() {
  return {
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    actorLabel: text('actor_label').notNull(),
    public: boolean('public').notNull(),
    data: jsonb('data').$type<Record<string, string | number | null>>().notNull(),
  };
}
