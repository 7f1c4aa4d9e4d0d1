import { bigint, boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Metadata of stored files. Plain files are content-addressed by sha256 (the same bytes are
// stored once); encrypted files (identity documents) get a random storage key so equal
// plaintexts cannot be recognised from the store.
export const files = pgTable(
  'files',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    originalName: text('original_name').notNull(),
    encrypted: boolean('encrypted').notNull().default(false),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('files_sha_idx').on(t.officeId, t.sha256),
    // The orphan sweep asks which stored files are referenced.
    index('files_storage_key_idx').on(t.storageKey),
  ],
);
