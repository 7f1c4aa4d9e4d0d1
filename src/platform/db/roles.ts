import { sql } from 'drizzle-orm';
import type { Db } from './database.ts';

// Production with PostgreSQL (issue 12 defect 2, ADR 0064): the migrations run under an owner
// role; the application runs under a role that owns nothing, so it cannot ALTER a table,
// disable the audit log's append-only trigger, or TRUNCATE it. On the audit log it may only
// SELECT and INSERT. The chain heads (audit_chain_heads) are a cache the app updates on every
// append; `audit verify` works from the log itself and does not trust them (ADR 0041).

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** The statements, run as the owner after the migrations, that give `role` what the app needs. */
export function appRoleGrants(role: string): string[] {
  if (!IDENT.test(role)) throw new Error(`Role name must be a plain lower-case identifier: ${role}`);
  const r = `"${role}"`;
  return [
    `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${role}', current_database()); END $$`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${r}`,
    `REVOKE DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_chain_heads FROM ${r}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // The applied-migrations list: read at start and by backup's release check.
    `GRANT USAGE ON SCHEMA drizzle TO ${r}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${r}`,
    // Tables and sequences later migrations create (by the owner running this).
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${r}`,
  ];
}

/** Runs the grants on the database (as its owner). */
export async function applyAppRoleGrants(db: Db, role: string): Promise<void> {
  for (const statement of appRoleGrants(role)) await db.execute(sql.raw(statement));
}
