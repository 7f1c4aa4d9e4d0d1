import { z } from 'zod';
import { defineJob } from '../../platform/jobs/queue.ts';
import { lapseUnansweredObjections } from './lapse-unanswered-objections.ts';
import { sendObjectionReminders } from './send-objection-reminders.ts';

/**
 * The periodic sweep of objections: lapses answers not given in time, then reminds the Atasan
 * PPID of answers due soon or overdue. Each part is idempotent (compare-and-set, dedupe keys).
 */
export function objectionSweepJob(settings: { publicUrl: string }) {
  return defineJob({
    kind: 'objections.deadline-sweep',
    payload: z.object({}),
    maxAttempts: 3,
    async run({ db, now }) {
      const ctx = { db, clock: { now: () => now }, publicUrl: settings.publicUrl };
      await lapseUnansweredObjections(ctx);
      await sendObjectionReminders(ctx);
    },
  });
}

export const OBJECTION_SWEEP_MINUTES = 30;
