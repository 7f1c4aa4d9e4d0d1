import { z } from 'zod';
import { defineJob } from '../../platform/jobs/queue.ts';
import { expireExemptionEntries } from './expire-exemption-entries.ts';

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
