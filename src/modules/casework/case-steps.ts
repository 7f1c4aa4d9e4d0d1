import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { auditActorOf, type Actor } from '../access/actor.ts';
import type { StateMachine } from './state-machine.ts';

// The steps every state change of a case takes, in this order and inside one transaction:
// load the row, check the transition table, compare-and-set, timeline event, audit row.
// A case type gives its machine and its three bits of SQL (find, conditional update, event
// insert, all in its queries file); follow-ups (emails, jobs) are queued by the caller with
// the same `tx`.

export interface CaseRow<S extends string> {
  officeId: string;
  id: string;
  number: string;
  status: S;
}

export interface CaseEvent {
  kind: string;
  actorLabel: string;
  public: boolean;
  data?: Record<string, string | number | null>;
  at: Date;
}

export interface CaseStore<Row, S extends string, Changes, Also> {
  find(tx: Db, officeId: string, id: string): Promise<Row | undefined>;
  /** Writes changes and `status` while the row is still in its read status; undefined when it is not. */
  updateIfStatus(
    tx: Db,
    row: Row,
    status: S,
    changes: Changes,
    now: Date,
    also?: Also,
  ): Promise<Row | undefined>;
  insertEvent(tx: Db, row: Pick<CaseRow<S>, 'officeId' | 'id'>, event: CaseEvent): Promise<void>;
}

export interface CaseKind<Row extends CaseRow<S>, S extends string, A extends string, Changes, Also> {
  /** The audit entity type and the prefix of audit actions (`request`, `objection` …). */
  entity: string;
  machine: StateMachine<S, A>;
  /** Message key of "not allowed from this status" (params: status, action). */
  wrongStatusKey: string;
  store: CaseStore<Row, S, Changes, Also>;
  /** Facts every audit row of this case carries besides number and status. */
  auditFacts?: (row: Row) => Record<string, unknown>;
}

/** How the timeline names who acted: staff by their label, the requester as "pemohon". */
export function eventActorLabel(actor: Actor): string {
  if (actor.kind === 'public') return 'pemohon';
  if (actor.kind === 'system') return 'sistem';
  return actor.label;
}

export function defineCaseSteps<Row extends CaseRow<S>, S extends string, A extends string, Changes, Also>(
  kind: CaseKind<Row, S, A, Changes, Also>,
) {
  const { machine, store, entity } = kind;

  async function load(tx: Db, officeId: string, id: string): Promise<Row> {
    const row = await store.find(tx, officeId, id);
    if (!row) throw AppError.notFound();
    return row;
  }

  /** Refuses an action the table does not allow from the row's current status; the status it leads to. */
  function check(row: Row, action: A): S {
    const to = machine.next(row.status, action);
    if (!to) throw new AppError('CONFLICT', kind.wrongStatusKey, { status: row.status, action });
    return to;
  }

  /**
   * Moves the row from the status it was read in to the status the action leads to. If someone
   * else changed it meanwhile, no row matches and the step fails with CONFLICT.
   */
  async function compareAndSet(
    tx: Db,
    row: Row,
    action: A,
    changes: Changes,
    now: Date,
    also?: Also,
  ): Promise<Row> {
    const to = check(row, action);
    const written = await store.updateIfStatus(tx, row, to, changes, now, also);
    if (!written) throw AppError.conflict();
    return written;
  }

  function addEvent(tx: Db, row: Pick<CaseRow<S>, 'officeId' | 'id'>, event: CaseEvent): Promise<void> {
    return store.insertEvent(tx, row, event);
  }

  /** The audit row of a step. Never personal data: number, statuses and the step's facts. */
  async function audit(
    tx: Db,
    actor: Actor,
    row: Row,
    action: string,
    after: Record<string, unknown>,
    now: Date,
    before?: Pick<Row, 'status'>,
  ): Promise<void> {
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        officeId: row.officeId,
        action: `${entity}.${action}`,
        entityType: entity,
        entityId: row.id,
        ...(before ? { before: { status: before.status } } : {}),
        after: { number: row.number, ...kind.auditFacts?.(row), status: row.status, ...after },
      },
      now,
    );
  }

  /** One transition, whole: compare-and-set, the timeline event, the audit row (before → after). */
  async function transition(
    tx: Db,
    actor: Actor,
    before: Row,
    step: {
      action: A;
      changes: Changes;
      also?: Also;
      event?: Omit<CaseEvent, 'at' | 'actorLabel'>;
      audit: string;
      facts?: Record<string, unknown>;
    },
    now: Date,
  ): Promise<Row> {
    const after = await compareAndSet(tx, before, step.action, step.changes, now, step.also);
    if (step.event) await addEvent(tx, after, { ...step.event, actorLabel: eventActorLabel(actor), at: now });
    await audit(tx, actor, after, step.audit, step.facts ?? {}, now, before);
    return after;
  }

  return { load, check, compareAndSet, addEvent, audit, transition };
}
