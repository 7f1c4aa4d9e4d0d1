import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
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
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    unique('office_closures_date_key').on(t.officeId, t.date),
  ],
);

// Election stages declared nationally (issue 13 item 5): while one runs, the election profile
// of Perki 1/2019 (3 + 2 working days, objections answered in 3) applies at every KPU office
// to election-stage information, whatever the office's own setting.
export const electionPeriods = pgTable(
  'election_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by'),
  },
  (t) => [index('election_periods_dates_idx').on(t.startsOn, t.endsOn)],
);
