import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

// Offices are the tenants. KPU RI → KPU Provinsi / KIP Aceh → KPU/KIP Kabupaten/Kota, and
// any other public body an admin adds. `path` lists the ids from the root down to the office
// itself ('/root/province/office/'), so "is X an ancestor of Y" is a prefix test.
export const offices = pgTable(
  'offices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    level: text('level', { enum: ['RI', 'PROVINSI', 'KABKOTA'] }).notNull(),
    /** 'KPU', 'KIP' or the name family of another public body. */
    nomenclature: text('nomenclature').notNull(),
    name: text('name').notNull(),
    regionName: text('region_name').notNull(),
    timezone: text('timezone').notNull(),
    slug: text('slug').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('offices_code_key').on(t.code),
    unique('offices_slug_key').on(t.slug),
    index('offices_parent_idx').on(t.parentId),
    index('offices_path_idx').on(t.path.op('text_pattern_ops')),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'offices_parent_fk' }),
  ],
);

/** Per-office settings as one validated document (see office-settings.ts for the shape). */
export const officeSettings = pgTable('office_settings', {
  officeId: uuid('office_id')
    .primaryKey()
    .references(() => offices.id),
  settings: jsonb('settings')
    .notNull()
    .default(sql`'{}'::jsonb`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

// Units inside an office: bagian, subbagian, PPID Pembantu.
export const units = pgTable(
  'units',
  {
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['BAGIAN', 'SUBBAGIAN', 'PPID_PEMBANTU', 'LAINNYA'] }).notNull(),
    parentUnitId: uuid('parent_unit_id'),
    headName: text('head_name'),
    headTitle: text('head_title'),
    headUserId: uuid('head_user_id'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    unique('units_office_name_key').on(t.officeId, t.name),
    foreignKey({
      columns: [t.officeId, t.parentUnitId],
      foreignColumns: [t.officeId, t.id],
      name: 'units_parent_fk',
    }),
  ],
);
