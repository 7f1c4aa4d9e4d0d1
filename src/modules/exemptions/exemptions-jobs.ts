import { z } from 'zod';
import { defineJob } from '../../platform/jobs/queue.ts';
import { expireExemptionEntries } from './expire-exemption-entries.ts';
import { remindExemptionReviews } from './remind-review.ts';

/** The daily-enough sweep of exempt information: ends entries whose period has passed. Idempotent. */
export function exemptionSweepJob(settings: { publicUrl: string }) {
  return defineJob({
    kind: 'exemptions.expiry-sweep',
    payload: z.object({}),
    maxAttempts: 3,
    async run({ db, now }) {
      await expireExemptionEntries({ db, clock: { now: () => now }, publicUrl: settings.publicUrl });
    },
  });
}

export const EXEMPTION_SWEEP_MINUTES = 60;

/** Once a day: remind the PPID of an office whose DIK was not reviewed in six months (seed 004). Idempotent. */
export function exemptionReviewReminderJob(settings: { publicUrl: string }) {
  return defineJob({
    kind: 'exemptions.review-reminder',
    payload: z.object({}),
    maxAttempts: 3,
    async run({ db, now }) {
      await remindExemptionReviews({ db, clock: { now: () => now }, publicUrl: settings.publicUrl });
    },
  });
}

export const EXEMPTION_REVIEW_MINUTES = 24 * 60;
