import { date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { offices } from '../offices/schema.ts';

// National days off: libur nasional and cuti bersama (SKB 3 Menteri) and election days
// declared holidays (Keppres). `scopeOfficeId` limits a row to one office and its
// descendants (e.g. a regional re-vote holiday); null means the whole country.
export const holidays = pgTable(
  'holidays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    date: date('date').notNull(),
    kind: text('kind', { enum: ['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_KHUSUS'] }).notNull(),
    name: text('name').notNull(),
    legalBasis: text('legal_basis'),
    scopeOfficeId: uuid('scope_office_id').references(() => offices.id),
    source: text('source', { enum: ['seed', 'manual', 'csv', 'ical'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by'),
  },
  (t) => [
    unique('holidays_date_name_scope_key').on(t.date, t.name, t.scopeOfficeId).nullsNotDistinct(),
    index('holidays_date_idx').on(t.date),
  ],
);

/** Years whose official list of days off has been loaded. Others raise a warning. */
export const holidayYears = pgTable('holiday_years', {
  year: integer('year').primaryKey(),
  note: text('note'),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  confirmedBy: text('confirmed_by'),
});

// Days one office is closed (a disaster, a move, a local decree).
export const officeClosures = pgTable(
  'office_closures',
  {
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    id: uuid('id').notNull().defaultRandom(),
    date: date('date').notNull(),
    name: text('name').notNull(),
    decree: text('decree'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by'),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.id] }), unique('office_closures_date_key').on(t.officeId, t.date)],
);
