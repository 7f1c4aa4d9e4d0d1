import { z } from 'zod';
import type { JobType } from '../../platform/jobs/queue.ts';

// The jobs of the release step (what to enqueue); redaction-jobs.ts has the code that runs them.

export const renderRedactionJob = {
  kind: 'redaction.render',
  payload: z.object({ redactionId: z.uuid(), names: z.array(z.string().max(200)).max(50).default([]) }),
  maxAttempts: 3,
} satisfies JobType;

export const applyRedactionJob = {
  kind: 'redaction.apply',
  payload: z.object({ redactionId: z.uuid() }),
  maxAttempts: 3,
} satisfies JobType;
