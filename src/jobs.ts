import type { Config } from './platform/config.ts';
import { defineJob, type JobDefinition, type PeriodicTask } from './platform/jobs/queue.ts';
import { sendMailJob, smtpTransport } from './platform/mail/mailer.ts';
import { smsTransport, whatsappTransport } from './platform/mail/channels.ts';
import { purgeExpiredSessions } from './modules/people/sessions.ts';
import { REQUEST_SWEEP_MINUTES, requestDeadlineSweepJob } from './modules/requests/requests-jobs.ts';
import { OBJECTION_SWEEP_MINUTES, objectionSweepJob } from './modules/objections/objections-jobs.ts';
import {
  EXEMPTION_REVIEW_MINUTES,
  EXEMPTION_SWEEP_MINUTES,
  exemptionReviewReminderJob,
  exemptionSweepJob,
} from './modules/exemptions/exemptions-jobs.ts';
import { z } from 'zod';
import { verifyAuditChains } from './platform/audit/audit.ts';
import { queueMail } from './platform/mail/mailer.ts';

import path from 'node:path';
import { FileStore, removeFilesOlderThan, sweepOrphanFiles } from './platform/storage/file-store.ts';
import { uploadTmpDir } from './web/upload-limits.ts';
import { ANNUAL_REMINDER_MINUTES, annualReportReminderJob } from './modules/reports/reports-jobs.ts';
import {
  applyRedactionJobDef,
  PUBLIC_RELEASE_SWEEP_MINUTES,
  publicReleaseSweepJobDef,
  renderRedactionJobDef,
} from './modules/redaction/redaction-jobs.ts';

// Every job the worker runs, and the periodic sweeps. A capability adds its jobs here.

export function jobDefinitions(config: Config): JobDefinition[] {
  return [
    sendMailJob({
      transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : null,
      from: config.mailFrom,
      keys: config.dataKeys,
      whatsapp: config.whatsapp ? whatsappTransport(config.whatsapp) : null,
      sms: config.sms ? smsTransport(config.sms) : null,
    }),
    purgeSessionsJob(config),
    requestDeadlineSweepJob(config),
    objectionSweepJob(config),
    auditAnchorJob(config),
    exemptionSweepJob(config),
    orphanFilesSweepJob(config),
    exemptionReviewReminderJob(config),
    ...redactionJobs(config),
    annualReportReminderJob(config),
  ];
}

function redactionJobs(config: Config): JobDefinition[] {
  const files = new FileStore(path.join(config.dataDir, 'files'), config.dataKeys);
  return [
    renderRedactionJobDef({ files }),
    applyRedactionJobDef({ files }),
    publicReleaseSweepJobDef({ files }),
  ];
}

/**
 * Once a day: verify every audit chain from the log and write the anchor (ADR 0041) to the
 * server log, and email it when AUDIT_ANCHOR_EMAIL is set, so a copy lives outside the database.
 */
export function auditAnchorJob(config: Config) {
  return defineJob({
    kind: 'audit.anchor',
    payload: z.object({}),
    async run({ db, now }) {
      const r = await verifyAuditChains(db);
      const line = {
        level: r.problems.length > 0 ? 50 : 30,
        time: now.getTime(),
        msg: 'audit anchor',
        anchor: r.anchor,
        chains: r.chains,
        rows: r.rows,
        problems: r.problems.length,
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
      if (!config.auditAnchorEmail) return;
      const text = `Audit anchor ${now.toISOString()}\n\nANCHOR ${r.anchor}\nChains: ${r.chains}, rows: ${r.rows}, problems: ${r.problems.length}\n${r.problems.map((p) => `BROKEN office ${p.officeId} seq ${p.seq}: ${p.problem}`).join('\n')}`;
      await db.transaction((tx) =>
        queueMail(
          tx,
          null,
          {
            to: config.auditAnchorEmail!,
            subject: `[Terbuka] Audit anchor ${now.toISOString().slice(0, 10)}${r.problems.length > 0 ? ' — BROKEN' : ''}`,
            text,
            html: `<pre>${text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</pre>`,
            template: 'audit-anchor',
            dedupeKey: `audit-anchor:${now.toISOString().slice(0, 10)}`,
          },
          now,
        ),
      );
    },
  });
}

/**
 * Every six hours: delete stored files no row refers to (a crash between writing a file and
 * committing its row) and `.tmp` leftovers, once they are older than the grace period.
 */
export function orphanFilesSweepJob(config: Config) {
  return defineJob({
    kind: 'files.sweep',
    payload: z.object({}),
    async run({ db }) {
      // Files carry the file system's times, so their age is measured against the wall clock.
      const now = new Date();
      const r = await sweepOrphanFiles(
        db,
        new FileStore(path.join(config.dataDir, 'files'), config.dataKeys),
        now,
      );
      // Upload spools a crashed process left (encrypted with a key that died with it).
      r.removedTmp += await removeFilesOlderThan(uploadTmpDir(config), new Date(now.getTime() - 60 * 60_000));
      if (r.removed + r.removedTmp > 0) {
        process.stdout.write(
          `${JSON.stringify({ level: 30, time: now.getTime(), msg: 'orphan files swept', ...r })}\n`,
        );
      }
    },
  });
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
    { job: auditAnchorJob(config), everyMinutes: 24 * 60 },
    { job: exemptionSweepJob(config), everyMinutes: EXEMPTION_SWEEP_MINUTES },
    { job: orphanFilesSweepJob(config), everyMinutes: 6 * 60 },
    { job: annualReportReminderJob(config), everyMinutes: ANNUAL_REMINDER_MINUTES },
    { job: exemptionReviewReminderJob(config), everyMinutes: EXEMPTION_REVIEW_MINUTES },
    {
      job: publicReleaseSweepJobDef({
        files: new FileStore(path.join(config.dataDir, 'files'), config.dataKeys),
      }),
      everyMinutes: PUBLIC_RELEASE_SWEEP_MINUTES,
    },
  ];
}
