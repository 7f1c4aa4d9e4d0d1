import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChains } from '../../src/platform/audit/audit.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { office } from '../helpers/factories.ts';

let db: TestDatabase;
let officeId: string;
const actor = { type: 'user' as const, id: 'u1', label: 'ppid@test', requestId: 'req-1' };

beforeAll(async () => {
  db = await createTestDatabase();
  officeId = (await office(db.db, 'kpu-kota-bandung')).id;
  for (let i = 0; i < 5; i++) {
    await db.db.transaction((tx) =>
      recordAudit(
        tx,
        actor,
        {
          officeId,
          action: 'request.registered',
          entityType: 'request',
          entityId: `r${i}`,
          after: { n: i, at: new Date('2026-11-18T02:00:00Z') },
        },
        new Date(`2026-11-18T02:0${i}:00Z`),
      ),
    );
  }
});
afterAll(async () => {
  await db.close();
});

async function tamper(statement: ReturnType<typeof sql>) {
  await db.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
  try {
    await db.db.execute(statement);
  } finally {
    await db.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  }
}

describe('audit trail', () => {
  it('chains every row of an office to the one before, and verifies', async () => {
    const result = await verifyAuditChains(db.db, officeId);
    expect(result).toMatchObject({ chains: 1, rows: 5, problems: [] });
  });

  it('refuses to change or delete a row', async () => {
    await expect(db.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow();
    await expect(db.db.execute(sql`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow();
  });

  it('keeps concurrent writers of one office on one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.db.transaction((tx) =>
          recordAudit(
            tx,
            actor,
            { officeId, action: 'x.concurrent', entityType: 'x', entityId: String(i) },
            new Date(),
          ),
        ),
      ),
    );
    const result = await verifyAuditChains(db.db, officeId);
    expect(result.problems).toEqual([]);
    expect(result.rows).toBe(15);
  });

  it('detects a row changed behind the trigger', async () => {
    await tamper(
      sql`UPDATE audit_log SET after = '{"n": 99}'::jsonb WHERE office_id = ${officeId} AND seq = 3`,
    );
    const result = await verifyAuditChains(db.db, officeId);
    expect(result.problems).toContainEqual({ officeId, seq: 3, problem: 'hash-mismatch' });
  });

  it('detects a deleted row and a deleted tail', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE office_id = ${officeId} AND seq = 2`);
    const max = await db.db.execute(sql`SELECT max(seq) AS m FROM audit_log WHERE office_id = ${officeId}`);
    const last = Number((max as unknown as { rows: { m: string }[] }).rows[0]!.m);
    await tamper(sql`DELETE FROM audit_log WHERE office_id = ${officeId} AND seq = ${last}`);
    const problems = (await verifyAuditChains(db.db, officeId)).problems.map((p) => p.problem);
    expect(problems).toContain('missing-row');
    expect(problems).toContain('broken-link');
    expect(problems).toContain('head-mismatch');
  });
});
