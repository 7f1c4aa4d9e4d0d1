import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChains } from '../../src/platform/audit/audit.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { office } from '../helpers/factories.ts';
import { testConfig } from '../helpers/test-app.ts';
import { auditAnchorJob } from '../../src/jobs.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { eq } from 'drizzle-orm';

// Defect 2: verification works from audit_log itself; the chain heads are only a cache.
let db: TestDatabase;
const actor = { type: 'user' as const, id: 'u1', label: 'ppid@test', requestId: 'req-1' };

async function writeRows(officeId: string, n: number) {
  for (let i = 0; i < n; i++) {
    await db.db.transaction((tx) =>
      recordAudit(
        tx,
        actor,
        { officeId, action: 'request.registered', entityType: 'request', entityId: `r${i}` },
        new Date(`2026-11-18T02:0${i}:00Z`),
      ),
    );
  }
}
async function tamper(statement: ReturnType<typeof sql>) {
  await db.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
  try {
    await db.db.execute(statement);
  } finally {
    await db.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('audit verify from the log', () => {
  it('a deleted chain head does not blind the check (it used to report "OK: 0 chains")', async () => {
    const officeId = (await office(db.db, 'kpu-kota-bandung')).id;
    await writeRows(officeId, 4);
    await tamper(
      sql`UPDATE audit_log SET action = 'request.withdrawn' WHERE office_id = ${officeId} AND seq = 2`,
    );
    await db.db.execute(sql`DELETE FROM audit_chain_heads WHERE office_id = ${officeId}`);
    const result = await verifyAuditChains(db.db, officeId);
    expect(result.chains).toBe(1);
    expect(result.rows).toBe(4);
    expect(result.problems).toContainEqual({ officeId, seq: 2, problem: 'hash-mismatch' });
    expect(result.problems).toContainEqual({ officeId, seq: 4, problem: 'head-missing' });
  });

  it('finds a gap, a truncated tail, a missing first row; prints an anchor that changes with the log', async () => {
    const officeId = (await office(db.db, 'kpu-kab-bandung')).id;
    await writeRows(officeId, 5);
    const clean = await verifyAuditChains(db.db, officeId);
    expect(clean.problems).toEqual([]);
    expect(clean.anchor).toMatch(/^[0-9a-f]{64}$/);
    expect(clean.anchors).toEqual([
      { officeId, seq: 5, hash: expect.stringMatching(/^[0-9a-f]{64}$/) as string },
    ]);
    await tamper(sql`DELETE FROM audit_log WHERE office_id = ${officeId} AND seq IN (1, 3, 5)`);
    const result = await verifyAuditChains(db.db, officeId);
    const kinds = result.problems.map((p) => `${p.problem}@${p.seq}`);
    expect(kinds).toEqual(expect.arrayContaining(['missing-row@1', 'missing-row@3', 'head-mismatch@5']));
    expect(result.anchor).not.toBe(clean.anchor);
    // Truncating the tail and rewriting the head to match is invisible to the chain alone: the anchor shows it.
    const [lastRow] = (
      (await db.db.execute(
        sql`SELECT seq, hash FROM audit_log WHERE office_id = ${officeId} ORDER BY seq DESC LIMIT 1`,
      )) as unknown as { rows: { seq: string; hash: string }[] }
    ).rows;
    await db.db.execute(
      sql`UPDATE audit_chain_heads SET seq = ${Number(lastRow!.seq)}, hash = ${lastRow!.hash} WHERE office_id = ${officeId}`,
    );
    expect((await verifyAuditChains(db.db, officeId)).anchor).not.toBe(clean.anchor);
  });

  it('the daily job emails the anchor when AUDIT_ANCHOR_EMAIL is set', async () => {
    const config = testConfig({ AUDIT_ANCHOR_EMAIL: 'operator@kpu.test' });
    const now = new Date('2026-11-19T00:00:00Z');
    await auditAnchorJob(config).run({
      db: db.db,
      payload: {},
      officeId: null,
      jobId: 'manual',
      attempt: 1,
      now,
    });
    const { anchor } = await verifyAuditChains(db.db);
    const [mail] = await db.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'audit-anchor'));
    expect(mail!.toAddress).toBe('operator@kpu.test');
    expect(mail!.textBody).toContain(`ANCHOR ${anchor}`);
    expect(mail!.subject).toContain('BROKEN');
  });
});
