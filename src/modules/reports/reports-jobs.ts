import { z } from 'zod';
import { defineJob } from '../../platform/jobs/queue.ts';
import { sendAnnualReportReminders } from './send-annual-report-reminders.ts';

/** Once a day: the 31 March reminder of the annual report (idempotent by dedupe key). */
export function annualReportReminderJob(settings: { publicUrl: string }) {
  return defineJob({
    kind: 'reports.annual-reminder',
    payload: z.object({}),
    maxAttempts: 3,
    async run({ db, now }) {
      await sendAnnualReportReminders({ db, clock: { now: () => now }, publicUrl: settings.publicUrl });
    },
  });
}

export const ANNUAL_REMINDER_MINUTES = 24 * 60;
