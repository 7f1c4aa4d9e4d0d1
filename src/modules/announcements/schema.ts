import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The hazards Perki 1/2021 lists for serta-merta information, and Perki 1/2019's election case. */
export const HAZARD_KINDS = [
  'BENCANA_ALAM',
  'BENCANA_NON_ALAM',
  'BENCANA_SOSIAL',
  'PENYAKIT_MENULAR',
  'KERACUNAN_MAKANAN',
  'GANGGUAN_UTILITAS',
  'PEMILU',
  'LAINNYA',
] as const;
export type HazardKind = (typeof HAZARD_KINDS)[number];

/**
 * Pengumuman serta-merta (UU 14/2008 Pasal 10; Perki 1/2021; regulation.md §2.1 item 2):
 * information that can threaten the life of many people or public order, announced at once.
 * Published when written (no draft: the law says "serta-merta"); ended, never deleted.
 */
export const urgentAnnouncements = pgTable(
  'urgent_announcements',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: HAZARD_KINDS }).notNull(),
    title: text('title').notNull(),
    /** Potensi bahaya. */
    threat: text('threat').notNull(),
    /** Pihak yang terdampak. */
    affected: text('affected').notNull(),
    /** What to do: how to avoid harm, the evacuation procedure. */
    whatToDo: text('what_to_do').notNull(),
    /** Tempat evakuasi, when there is one. */
    evacuationPlace: text('evacuation_place'),
    /** Where and how to get help. */
    help: text('help').notNull(),
    /** Who must announce it (the body, its officer). */
    announcer: text('announcer').notNull(),
    /** Upaya mitigasi. */
    mitigation: text('mitigation').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: text('published_by').notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: text('ended_by'),
    endNote: text('end_note'),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('urgent_announcements_published_idx').on(t.officeId, t.publishedAt),
  ],
);
export type UrgentAnnouncement = typeof urgentAnnouncements.$inferSelect;
