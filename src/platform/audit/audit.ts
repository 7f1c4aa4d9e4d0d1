import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { sha256Hex } from '../crypto.ts';
import type { Db } from '../db/database.ts';
import { auditChainHeads, auditLog } from './schema.ts';

export const PLATFORM_CHAIN = '00000000-0000-0000-0000-000000000000';

/** Who did something. Every use case receives one explicitly. */
export interface AuditActor {
  type: 'user' | 'token' | 'system' | 'public' | 'cli';
  id?: string | null;
  label?: string | null;
  requestId?: string | null;
}

export interface AuditEntry {
  officeId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted at every level: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Plain JSON (dates as ISO strings), as it will read back from jsonb. */
function toPlain(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(canonicalJson(value)) as unknown);
}

interface HashedFields {
  officeId: string;
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export function rowHash(prevHash: string, f: HashedFields): string {
  return sha256Hex(
    prevHash +
      canonicalJson({
        officeId: f.officeId,
        seq: f.seq,
        occurredAt: f.occurredAt.toISOString(),
        actorType: f.actorType,
        actorId: f.actorId,
        actorLabel: f.actorLabel,
        action: f.action,
        entityType: f.entityType,
        entityId: f.entityId,
        before: f.before ?? null,
        after: f.after ?? null,
        requestId: f.requestId,
      }),
  );
}

/**
 * Appends one audit row. Call it inside the transaction that makes the change, so the
 * change and its record commit together. Locks the office's chain head until commit.
 * Two round trips (ADR 0106): the first makes the head when it is missing and locks it (an
 * upsert that rewrites nothing, returning the head); the second appends the row and moves the
 * head in one statement.
 */
export async function recordAudit(tx: Db, actor: AuditActor, entry: AuditEntry, at: Date): Promise<void> {
  const officeId = entry.officeId ?? PLATFORM_CHAIN;
  const [head] = await tx
    .insert(auditChainHeads)
    .values({ officeId, seq: 0, hash: '' })
    .onConflictDoUpdate({ target: auditChainHeads.officeId, set: { seq: sql`${auditChainHeads.seq}` } })
    .returning({ seq: auditChainHeads.seq, hash: auditChainHeads.hash });
  const prevHash = head?.hash ?? '';
  const fields: HashedFields = {
    officeId,
    seq: (head?.seq ?? 0) + 1,
    occurredAt: new Date(at.getTime()),
    actorType: actor.type,
    actorId: actor.id ?? null,
    actorLabel: actor.label ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: toPlain(entry.before),
    after: toPlain(entry.after),
    requestId: actor.requestId ?? null,
  };
  const hash = rowHash(prevHash, fields);
  const appended = tx.$with('appended', {}).as(
    tx
      .insert(auditLog)
      .values({ ...fields, prevHash, hash })
      .getSQL(),
  );
  await tx
    .with(appended)
    .update(auditChainHeads)
    .set({ seq: fields.seq, hash })
    .where(eq(auditChainHeads.officeId, officeId));
}

export interface ChainProblem {
  officeId: string;
  seq: number;
  problem: 'hash-mismatch' | 'broken-link' | 'missing-row' | 'head-mismatch' | 'head-missing';
}

/** The last row of one chain as recomputed from the log: what an operator keeps elsewhere. */
export interface ChainAnchor {
  officeId: string;
  seq: number;
  hash: string;
}

export interface VerifyResult {
  chains: number;
  rows: number;
  problems: ChainProblem[];
  anchors: ChainAnchor[];
  /** sha256 over every chain's anchor: one value to compare with yesterday's copy. */
  anchor: string;
}

/**
 * Recomputes every chain (or one office's) from audit_log itself and reports each row that does
 * not fit. The chain heads are a cache, not the truth: a chain is found by its rows, so deleting
 * its head hides nothing (it is reported as head-missing); a gap in seq is missing-row, a
 * changed row hash-mismatch or broken-link, a truncated tail head-mismatch. A tail truncated
 * together with its head is caught only by comparing the printed anchor with a kept copy.
 */
export async function verifyAuditChains(db: Db, onlyOfficeId?: string): Promise<VerifyResult> {
  const heads = await db
    .select()
    .from(auditChainHeads)
    .where(onlyOfficeId ? eq(auditChainHeads.officeId, onlyOfficeId) : sql`true`);
  const logged = await db
    .selectDistinct({ officeId: auditLog.officeId })
    .from(auditLog)
    .where(onlyOfficeId ? eq(auditLog.officeId, onlyOfficeId) : sql`true`);
  const headOf = new Map(heads.map((h) => [h.officeId, h]));
  const officeIds = [...new Set([...logged.map((l) => l.officeId), ...heads.map((h) => h.officeId)])].sort();
  const problems: ChainProblem[] = [];
  const anchors: ChainAnchor[] = [];
  let rows = 0;
  for (const officeId of officeIds) {
    const head = headOf.get(officeId);
    let prevHash = '';
    let expectedSeq = 1;
    let lastSeq = 0;
    const pageSize = 1000;
    for (;;) {
      const page = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.officeId, officeId), gt(auditLog.seq, lastSeq)))
        .orderBy(asc(auditLog.seq))
        .limit(pageSize);
      for (const row of page) {
        rows++;
        if (row.seq !== expectedSeq) {
          problems.push({ officeId, seq: expectedSeq, problem: 'missing-row' });
        }
        if (row.prevHash !== prevHash) {
          problems.push({ officeId, seq: row.seq, problem: 'broken-link' });
        }
        const recomputed = rowHash(row.prevHash, {
          ...row,
          before: row.before ?? null,
          after: row.after ?? null,
        });
        if (recomputed !== row.hash) {
          problems.push({ officeId, seq: row.seq, problem: 'hash-mismatch' });
        }
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
        lastSeq = row.seq;
      }
      if (page.length < pageSize) break;
    }
    if (!head) {
      problems.push({ officeId, seq: lastSeq, problem: 'head-missing' });
    } else if (lastSeq !== head.seq || prevHash !== head.hash) {
      problems.push({ officeId, seq: head.seq, problem: 'head-mismatch' });
    }
    anchors.push({ officeId, seq: lastSeq, hash: prevHash });
  }
  const anchor = sha256Hex(anchors.map((a) => `${a.officeId}:${a.seq}:${a.hash}`).join('\n'));
  return { chains: officeIds.length, rows, problems, anchors, anchor };
}

export type AuditRow = typeof auditLog.$inferSelect;

/** The latest rows of one office's chain, newest first. */
export async function listAuditEntries(db: Db, officeId: string, limit = 200): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.officeId, officeId))
    .orderBy(sql`${auditLog.seq} desc`)
    .limit(limit);
}
