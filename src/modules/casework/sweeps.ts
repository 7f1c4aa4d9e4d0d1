import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { isAppError } from '../../platform/errors.ts';
import { queueMail, type OutgoingMail } from '../../platform/mail/mailer.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import {
  addCalendarDays,
  localDateTime,
  workingDaysBetween,
  type WorkingCalendar,
} from '../calendar/working-days.ts';
import type { OfficeSettings } from '../offices/office-settings.ts';
import { findOfficeById, getOfficeSettings, type Office } from '../offices/queries.ts';
import type { CaseEvent } from './case-steps.ts';

// Time-based work on cases, "sweep, then claim" (docs/CODE_STYLE.md, "A job"): one read over
// every office finds the candidates, each is then judged in its own office's day and claimed in
// a transaction of its own. The claim is what makes the job safe to run twice or on two
// processes at once: a compare-and-set that the second run loses (CONFLICT, counted as
// nothing done) or an outbox dedupe key the second run is refused.

/** An office as a sweep judges its cases: its settings, its working calendar and its local date. */
export interface OfficeDay {
  office: Office;
  settings: OfficeSettings;
  calendar: WorkingCalendar;
  today: string;
}

/** The office's day, read once per office and remembered for the rest of the sweep (null: no such office). */
export function officeDays(db: Db, now: Date): (officeId: string) => Promise<OfficeDay | null> {
  const seen = new Map<string, Promise<OfficeDay | null>>();
  async function read(officeId: string): Promise<OfficeDay | null> {
    const office = await findOfficeById(db, officeId);
    if (!office) return null;
    const [settings, calendar] = await Promise.all([
      getOfficeSettings(db, office.id),
      loadOfficeCalendar(db, office),
    ]);
    return { office, settings, calendar, today: localDateTime(now, office.timezone).date };
  }
  return (officeId) => {
    let day = seen.get(officeId);
    if (!day) {
      day = read(officeId);
      seen.set(officeId, day);
    }
    return day;
  };
}

export interface Sweep<C extends { officeId: string }, V extends { kind: string }> {
  /**
   * How far past the UTC date the candidate read reaches, in calendar days: every office's
   * "today" is at most one day after it, so a sweep of things already due needs 1 or 2, a
   * reminder window more.
   */
  reachDays: number;
  candidates(db: Db, until: string): Promise<C[]>;
  /** What the candidate is on its office's day (`kind`: the count it adds to), or null to leave it. */
  judge(day: OfficeDay, candidate: C): V | null;
  /** Claims it in `tx`; false when another run got there first. */
  claim(tx: Db, day: OfficeDay, candidate: C, verdict: V, now: Date): Promise<boolean>;
}

/** Runs a sweep: what each kind of claim counted (claims another run won are not counted). */
export async function sweepThenClaim<C extends { officeId: string }, V extends { kind: string }>(
  ctx: Ctx,
  sweep: Sweep<C, V>,
  kinds: readonly V['kind'][],
): Promise<Record<V['kind'], number>> {
  const now = ctx.clock.now();
  const counts = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<V['kind'], number>;
  const dayOf = officeDays(ctx.db, now);
  const until = addCalendarDays(now.toISOString().slice(0, 10), sweep.reachDays);
  for (const candidate of await sweep.candidates(ctx.db, until)) {
    const day = await dayOf(candidate.officeId);
    if (!day) continue;
    const verdict = sweep.judge(day, candidate);
    if (!verdict) continue;
    const claimed = await ctx.db
      .transaction((tx) => sweep.claim(tx, day, candidate, verdict, now))
      .catch((e: unknown) => {
        // Another sweep (another process) changed it between our read and our update.
        if (isAppError(e) && e.code === 'CONFLICT') return false;
        throw e;
      });
    if (claimed) counts[verdict.kind as V['kind']]++;
  }
  return counts;
}

export type ReminderKind = 'due-soon' | 'overdue';

// The reminder window reaches this far in calendar days (10 working days around Lebaran).
export const REMINDER_REACH_DAYS = 31;

/**
 * Whether a case due on `due` is due soon (within `windowDays` working days of the office's
 * today) or overdue, and how many working days are left (-1 when overdue).
 */
export interface ReminderDue {
  kind: ReminderKind;
  left: number;
}

export function reminderDue(day: OfficeDay, due: string, windowDays: number): ReminderDue | null {
  if (day.today > due) return { kind: 'overdue', left: -1 };
  const left = workingDaysBetween(day.calendar, day.today, due);
  return left > windowDays ? null : { kind: 'due-soon', left };
}

/**
 * Queues one reminder per recipient, each under a dedupe key naming the case, its due date,
 * the kind and the recipient, and marks the case's timeline once when any was new. False when
 * every key was already taken (the reminder went out before).
 */
export async function queueReminders(
  tx: Db,
  day: OfficeDay,
  reminder: {
    kind: ReminderKind;
    due: string;
    recipients: Iterable<string>;
    mail: { subject: string; text: string; html: string };
    template: string;
    entity: { type: string; id: string };
    /** The dedupe key's prefix (`reminder`, `objection-reminder` …). */
    keyPrefix: string;
    addEvent: (event: CaseEvent) => Promise<void>;
  },
  now: Date,
): Promise<boolean> {
  let queued = false;
  for (const to of reminder.recipients) {
    const added = await queueMail(
      tx,
      day.office.id,
      {
        to,
        ...reminder.mail,
        template: reminder.template,
        entityType: reminder.entity.type,
        entityId: reminder.entity.id,
        dedupeKey: `${reminder.keyPrefix}:${reminder.kind}:${reminder.entity.id}:${reminder.due}:${to}`,
      },
      now,
    );
    queued ||= added;
  }
  if (queued) {
    await reminder.addEvent({
      kind: reminder.kind === 'overdue' ? 'OVERDUE_REMINDER' : 'DUE_SOON_REMINDER',
      actorLabel: 'sistem',
      public: false,
      data: { dueDate: reminder.due },
      at: now,
    });
  }
  return queued;
}

/** A reminder job of one case type, as `sendReminders` runs it. */
export interface ReminderJob<C extends { officeId: string; id: string }> {
  candidates: (db: Db, until: string) => Promise<C[]>;
  /** The date the case is due on. */
  dueOf: (candidate: C) => string;
  /** The office's reminder window, in working days. */
  windowDays: (settings: OfficeSettings) => number;
  /** Who hears of it (the office's public address when nobody). */
  recipients: (tx: Db, day: OfficeDay, candidate: C, now: Date) => Promise<string[]>;
  /** The mail of that kind, with its template's name. */
  mail: (
    day: OfficeDay,
    candidate: C,
    due: ReminderDue,
  ) => { mail: { subject: string; text: string; html: string }; template: string };
  entityType: string;
  keyPrefix: string;
  addEvent: (tx: Db, candidate: C, event: CaseEvent) => Promise<void>;
}

/**
 * A reminder job, "sweep, then claim": every case due within its office's window or overdue gets
 * one mail per recipient under `queueReminders`' dedupe keys, so a second run sends nothing.
 */
export async function sendReminders<C extends { officeId: string; id: string }>(
  ctx: Ctx,
  job: ReminderJob<C>,
): Promise<{ dueSoon: number; overdue: number }> {
  const counts = await sweepThenClaim<C, ReminderDue>(
    ctx,
    {
      reachDays: REMINDER_REACH_DAYS,
      candidates: job.candidates,
      judge: (day, candidate) => reminderDue(day, job.dueOf(candidate), job.windowDays(day.settings)),
      claim: async (tx, day, candidate, due, now) => {
        let recipients = await job.recipients(tx, day, candidate, now);
        if (recipients.length === 0 && day.settings.publicContact.email)
          recipients = [day.settings.publicContact.email];
        return queueReminders(
          tx,
          day,
          {
            kind: due.kind,
            due: job.dueOf(candidate),
            recipients,
            ...job.mail(day, candidate, due),
            entity: { type: job.entityType, id: candidate.id },
            keyPrefix: job.keyPrefix,
            addEvent: (event) => job.addEvent(tx, candidate, event),
          },
          now,
        );
      },
    },
    ['due-soon', 'overdue'],
  );
  return { dueSoon: counts['due-soon'], overdue: counts.overdue };
}

/**
 * A lapse job of one case type (an objection left unanswered, a request never completed): the
 * cases `lapsed` on their office's day are each moved by `move` (a compare-and-set transition
 * from `from`) and their requester told once, under the mail's dedupe key.
 */
export interface LapseJob<C extends { officeId: string; id: string }, T extends { status: string }> {
  reachDays: number;
  candidates: (db: Db, until: string) => Promise<C[]>;
  lapsed: (day: OfficeDay, candidate: C) => boolean;
  load: (tx: Db, officeId: string, id: string) => Promise<T>;
  from: T['status'];
  move: (tx: Db, day: OfficeDay, before: T, now: Date) => Promise<T>;
  /** The requester's mail, or null when there is nobody to write to. */
  tell: (tx: Db, day: OfficeDay, before: T, after: T) => Promise<OutgoingMail | null>;
  /** The requester's phone notice (WhatsApp or SMS, ADR 0108), queued in the same transaction. */
  notify?: (tx: Db, day: OfficeDay, before: T, after: T, now: Date) => Promise<unknown>;
}

/** Runs a lapse job: how many cases it moved (a case another run moved first is not counted). */
export async function lapseCases<C extends { officeId: string; id: string }, T extends { status: string }>(
  ctx: Ctx,
  job: LapseJob<C, T>,
): Promise<number> {
  const counts = await sweepThenClaim<C, { kind: 'lapsed' }>(
    ctx,
    {
      reachDays: job.reachDays,
      candidates: job.candidates,
      judge: (day, candidate) => (job.lapsed(day, candidate) ? { kind: 'lapsed' } : null),
      claim: async (tx, day, candidate, _verdict, now) => {
        const before = await job.load(tx, day.office.id, candidate.id);
        if (before.status !== job.from) return false;
        const after = await job.move(tx, day, before, now);
        const mail = await job.tell(tx, day, before, after);
        if (mail) await queueMail(tx, day.office.id, mail, now);
        await job.notify?.(tx, day, before, after, now);
        return true;
      },
    },
    ['lapsed'],
  );
  return counts.lapsed;
}
