import { index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** What a calendar feed holds: every open deadline the officer may see, or only their own. */
export const FEED_SCOPES = ['OFFICE', 'MINE'] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

/**
 * An officer's iCalendar feed of deadlines (issue 15). The URL carries a secret that a phone's
 * calendar fetches without signing in; only its sha256 is kept, and a revoked feed answers 404.
 * What it lists is decided at each fetch from the officer's roles that day.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    scope: text('scope', { enum: FEED_SCOPES }).notNull(),
    /** The language the officer used when creating it: the feed's texts are written in it. */
    locale: text('locale', { enum: ['id', 'en'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    unique('calendar_feeds_token_key').on(t.tokenHash),
    index('calendar_feeds_user_idx').on(t.officeId, t.userId),
  ],
);
