import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { offices, units } from '../offices/schema.ts';

// A person may hold roles in several offices, so accounts are not tenant-owned; what they
// may do in an office comes from role_assignments, which are.
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    nip: text('nip'),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    locale: text('locale', { enum: ['id', 'en'] })
      .notNull()
      .default('id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('users_email_key').on(t.email)],
);

// Sign-in throttle (ADR 0064): failures counted per account key (a hash of the typed email,
// known or not, so the throttle says nothing about which accounts exist) and per client
// address (an IPv6 /64), each with a back-off after a few free failures.
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});

export const ROLES = [
  'NATIONAL_ADMIN',
  'ADMIN',
  'PPID',
  'ATASAN_PPID',
  'PETUGAS_LAYANAN',
  'PPID_PEMBANTU',
  'TIM_PERTIMBANGAN',
  'PEMBINA_PPID',
] as const;
export type Role = (typeof ROLES)[number];

// Who holds which role in which office, from when to when, by which decree (SK). Data, not
// code: the holders differ per office and changed with PKPU 4/2025.
export const roleAssignments = pgTable(
  'role_assignments',
  {
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
    /** The unit a PPID Pembantu serves. */
    unitId: uuid('unit_id'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date'),
    grantedBy: text('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by'),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('role_assignments_user_idx').on(t.userId),
    foreignKey({
      columns: [t.officeId, t.unitId],
      foreignColumns: [units.officeId, units.id],
      name: 'role_assignments_unit_fk',
    }),
  ],
);

// Server-side sessions. The cookie holds a random token; only its sha256 is stored.
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// API tokens for integrations: scoped to one office and one role, hashed at rest.
export const apiTokens = pgTable(
  'api_tokens',
  {
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** The person the token acts for: letters issued through it are signed by them. Without one, it cannot issue letters. */
    actingUserId: uuid('acting_user_id').references(() => users.id),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.id] }), unique('api_tokens_hash_key').on(t.tokenHash)],
);
