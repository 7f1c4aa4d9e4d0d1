import type { Config } from './platform/config.ts';
import { defineJob, type JobDefinition, type PeriodicTask } from './platform/jobs/queue.ts';
import { sendMailJob, smtpTransport } from './platform/mail/mailer.ts';
import { purgeExpiredSessions } from './modules/people/sessions.ts';
import { REQUEST_SWEEP_MINUTES, requestDeadlineSweepJob } from './modules/requests/requests-jobs.ts';
import { OBJECTION_SWEEP_MINUTES, objectionSweepJob } from './modules/objections/objections-jobs.ts';
import path from 'node:path';
import { z } from 'zod';
import { FileStore } from './platform/storage/file-store.ts';
import { applyRedactionJobDef, renderRedactionJobDef } from './modules/redaction/redaction-jobs.ts';

// Every job the worker runs, and the periodic sweeps. A capability adds its jobs here.

export function jobDefinitions(config: Config): JobDefinition[] {
  return [
    sendMailJob({ transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : null, from: config.mailFrom }),
    purgeSessionsJob(config),
    requestDeadlineSweepJob(config),
    objectionSweepJob(config),
    ...redactionJobs(config),
  ];
}

function redactionJobs(config: Config): JobDefinition[] {
  const files = new FileStore(path.join(config.dataDir, 'files'), config.dataKeys);
  return [renderRedactionJobDef({ files }), applyRedactionJobDef({ files })];
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
  ];
}
