import type { Config } from './platform/config.ts';
import { defineJob, type JobDefinition, type PeriodicTask } from './platform/jobs/queue.ts';
import { sendMailJob, smtpTransport } from './platform/mail/mailer.ts';
import { purgeExpiredSessions } from './modules/people/sessions.ts';
import { REQUEST_SWEEP_MINUTES, requestDeadlineSweepJob } from './modules/requests/requests-jobs.ts';
import { OBJECTION_SWEEP_MINUTES, objectionSweepJob } from './modules/objections/objections-jobs.ts';
import { EXEMPTION_SWEEP_MINUTES, exemptionSweepJob } from './modules/exemptions/exemptions-jobs.ts';
import { z } from 'zod';

// Every job the worker runs, and the periodic sweeps. A capability adds its jobs here.

export function jobDefinitions(config: Config): JobDefinition[] {
  return [
    sendMailJob({ transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : null, from: config.mailFrom }),
    purgeSessionsJob(config),
    requestDeadlineSweepJob(config),
    objectionSweepJob(config),
    exemptionSweepJob(config),
  ];
}

function purgeSessionsJob(config: Config) {
  return defineJob({
    kind: 'sessions.purge',
    payload: z.object({}),
    async run({ db, now }) {
      await purgeExpiredSessions(db, now, config.session);
    },
  });
}

export function periodicTasks(config: Config): PeriodicTask[] {
  return [
    { job: purgeSessionsJob(config), everyMinutes: 60 },
    { job: requestDeadlineSweepJob(config), everyMinutes: REQUEST_SWEEP_MINUTES },
    { job: objectionSweepJob(config), everyMinutes: OBJECTION_SWEEP_MINUTES },
    { job: exemptionSweepJob(config), everyMinutes: EXEMPTION_SWEEP_MINUTES },
  ];
}
