import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from '../offices/schema.ts';

// The documentation archive (seed 003, SOP Pendokumentasian Informasi Publik): what each
// documented item is, which unit holds it, where its softcopy files and hardcopy are, and the
// Atasan PPID's approval (step 2) before it counts as documented.

export const ARCHIVE_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ArchiveStatus = (typeof ARCHIVE_STATUSES)[number];

/** PUBLIC items may be downloaded once approved; EXEMPT (dikecualikan, UU 14/2008 Pasal 17) never. */
export const ARCHIVE_ACCESS = ['PUBLIC', 'EXEMPT'] as const;
export type ArchiveAccess = (typeof ARCHIVE_ACCESS)[number];

export const archiveItems = pgTable(
  'archive_items',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    description: text('description'),
    unitId: uuid('unit_id').notNull(),
    /** Kode klasifikasi arsip, e.g. "PP.07" or "KU.01.02". */
    classificationCode: text('classification_code').notNull(),
    retention: text('retention').notNull(),
    building: text('building'),
    room: text('room'),
    cabinet: text('cabinet'),
    box: text('box'),
    access: text('access', { enum: ARCHIVE_ACCESS }).notNull(),
    /** An EXEMPT item points at the DIK entry in force that exempts it (issue 10); an inherited entry lives at the ancestor. */
    exemptionEntryId: uuid('exemption_entry_id'),
    exemptionEntryOfficeId: uuid('exemption_entry_office_id'),
    status: text('status', { enum: ARCHIVE_STATUSES }).notNull(),
    decisionNote: text('decision_note'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('archive_items_status_idx').on(t.officeId, t.status),
    foreignKey({
      columns: [t.officeId, t.unitId],
      foreignColumns: [units.officeId, units.id],
      name: 'archive_items_unit_fk',
    }),
  ],
);

/** Softcopy files of an item, stored content-addressed (sha256) in the file store. */
export const archiveFiles = pgTable(
  'archive_files',
  {
    officeId: uuid('office_id').notNull(),
    archiveItemId: uuid('archive_item_id').notNull(),
    fileId: uuid('file_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    addedBy: text('added_by'),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.archiveItemId, t.fileId] })],
);
