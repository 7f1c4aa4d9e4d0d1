import type { FastifyInstance } from 'fastify';
import type { RequestsCtx } from '../../modules/requests/requests-ctx.ts';

/** The request use cases' context, from the app's services. */
export function requestsCtxOf(app: FastifyInstance): RequestsCtx {
  const s = app.services;
  return {
    db: s.database.db,
    clock: s.clock,
    files: s.files,
    keys: s.config.dataKeys,
    publicUrl: s.config.publicUrl,
    uploadMaxBytes: s.config.uploadMaxBytes,
  };
}
