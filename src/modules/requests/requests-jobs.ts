import { z } from 'zod';
import { defineJob } from '../../platform/jobs/queue.ts';
import { closeLapsedIncompleteRequests } from './close-lapsed-incomplete-requests.ts';
import { sendDeadlineReminders } from './send-deadline-reminders.ts';

/**
 * The periodic deadline sweep of information requests: closes lapsed incomplete requests and
 * sends due-soon and overdue reminders. Each part is idempotent (compare-and-set, dedupe keys).
 */
export function requestDeadlineSweepJob(settings: { publicUrl: string }) {
  return defineJob({
    kind: 'requests.deadline-sweep',
    payload: z.object({}),
    maxAttempts: 3,
    async run({ db, now }) {
      const ctx = { db, clock: { now: () => now }, publicUrl: settings.publicUrl };
      await closeLapsedIncompleteRequests(ctx);
      await sendDeadlineReminders(ctx);
    },
  });
}

/** How often the sweep runs: often enough that a reminder arrives on the morning it is due. */
export const REQUEST_SWEEP_MINUTES = 30;
