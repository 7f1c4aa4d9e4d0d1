import { hostname } from 'node:os';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { PLATFORM_CHAIN } from '../audit/audit.ts';
import { jobs } from './schema.ts';
import { safeErrorLine } from '../safe-error.ts';

export interface JobContext<P> {
  db: Db;
  payload: P;
  officeId: string | null;
  jobId: string;
  attempt: number;
  now: Date;
}

/** What a job is (its name and payload): enough to enqueue it. */
export interface JobType<S extends z.ZodType = z.ZodType> {
  kind: string;
  payload: S;
  maxAttempts?: number;
}

/** A job type with the code that runs it. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> extends JobType<S> {
  run(ctx: JobContext<z.output<S>>): Promise<void>;
}

/** Declares a job: its payload schema is checked when enqueued and again when run. */
export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

export interface EnqueueOptions {
  officeId?: string | null;
  runAt?: Date;
  /** A second enqueue with the same key (per office) is ignored. */
  dedupeKey?: string;
  now: Date;
}

/** Returns true when the job was added, false when its dedupe key already existed. */
export async function enqueue<S extends z.ZodType>(
  tx: Db,
  def: JobType<S>,
  payload: z.input<S>,
  opts: EnqueueOptions,
): Promise<boolean> {
  const parsed = def.payload.parse(payload) as unknown;
  const rows = await tx
    .insert(jobs)
    .values({
      officeId: opts.officeId ?? PLATFORM_CHAIN,
      kind: def.kind,
      payload: parsed,
      runAt: opts.runAt ?? opts.now,
      maxAttempts: def.maxAttempts ?? 8,
      dedupeKey: opts.dedupeKey ?? null,
      createdAt: opts.now,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export interface PeriodicTask {
  job: JobDefinition;
  everyMinutes: number;
}

export interface WorkerOptions {
  db: Db;
  clock: Clock;
  definitions: JobDefinition[];
  periodic?: PeriodicTask[];
  pollMs?: number;
  batchSize?: number;
  lockMinutes?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}

function backoffMs(attempt: number): number {
  return Math.min(60 * 60_000, 15_000 * 2 ** (attempt - 1));
}

/**
 * Runs due jobs. `runOnce` claims a batch, runs each in its own transaction and records the
 * outcome; `start` loops until `stop`. Several workers (processes) can run side by side.
 */
export class JobWorker {
  private readonly byKind: Map<string, JobDefinition>;
  private readonly id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(private readonly opts: WorkerOptions) {
    this.byKind = new Map(opts.definitions.map((d) => [d.kind, d]));
  }

  /** Enqueues each periodic task once per period, whichever process gets there first. */
  async schedulePeriodic(): Promise<void> {
    const now = this.opts.clock.now();
    for (const task of this.opts.periodic ?? []) {
      const periodMs = task.everyMinutes * 60_000;
      const periodStart = new Date(Math.floor(now.getTime() / periodMs) * periodMs);
      await enqueue(
        this.opts.db,
        task.job,
        {},
        {
          now,
          runAt: periodStart,
          dedupeKey: `periodic:${task.job.kind}:${periodStart.toISOString()}`,
        },
      );
    }
  }

  /** Claims and runs one batch; returns how many jobs ran. */
  async runOnce(): Promise<number> {
    const { db, clock } = this.opts;
    const now = clock.now();
    const lockUntil = new Date(now.getTime() + (this.opts.lockMinutes ?? 10) * 60_000);
    // Jobs whose worker died while running go back to the queue.
    await db
      .update(jobs)
      .set({ status: 'pending', lockedBy: null, lockedUntil: null })
      .where(and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)));
    const claimed = await db.transaction(async (tx) => {
      const due = await tx
        .select({ officeId: jobs.officeId, id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.status, 'pending'), sql`${jobs.runAt} <= ${now}`))
        .orderBy(jobs.runAt)
        .limit(this.opts.batchSize ?? 20)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(jobs)
        .set({
          status: 'running',
          lockedBy: this.id,
          lockedUntil: lockUntil,
          attempts: sql`${jobs.attempts} + 1`,
        })
        .where(
          inArray(
            jobs.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
    });
    for (const job of claimed) {
      const def = this.byKind.get(job.kind);
      const officeId = job.officeId === PLATFORM_CHAIN ? null : job.officeId;
      try {
        if (!def) throw new Error(`No job definition for kind ${job.kind}`);
        const payload = def.payload.parse(job.payload);
        await def.run({ db, payload, officeId, jobId: job.id, attempt: job.attempts, now: clock.now() });
        await db
          .update(jobs)
          .set({
            status: 'done',
            finishedAt: clock.now(),
            lockedBy: null,
            lockedUntil: null,
            lastError: null,
          })
          .where(and(eq(jobs.officeId, job.officeId), eq(jobs.id, job.id)));
      } catch (e) {
        const message = safeErrorLine(e);
        const giveUp = job.attempts >= job.maxAttempts || !def;
        this.opts.log?.(giveUp ? 'error' : 'warn', 'job failed', {
          kind: job.kind,
          id: job.id,
          error: message,
        });
        await db
          .update(jobs)
          .set({
            status: giveUp ? 'failed' : 'pending',
            runAt: new Date(clock.now().getTime() + backoffMs(job.attempts)),
            lastError: message.slice(0, 2000),
            lockedBy: null,
            lockedUntil: null,
            finishedAt: giveUp ? clock.now() : null,
          })
          .where(and(eq(jobs.officeId, job.officeId), eq(jobs.id, job.id)));
      }
    }
    return claimed.length;
  }

  /** Runs until no job is due (tests and the CLI use it). */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      try {
        await this.schedulePeriodic();
        await this.drain(10);
      } catch (e) {
        this.opts.log?.('error', 'job loop failed', { error: e instanceof Error ? e.message : String(e) });
      }
      if (!this.stopped) this.timer = setTimeout(tick, this.opts.pollMs ?? 5000);
    };
    const tick = () => {
      this.running = loop();
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
