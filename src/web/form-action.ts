import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../platform/errors.ts';
import { errorMap } from './render.tsx';
import type { Errors } from './shared/forms.tsx';

/**
 * Runs a form's use case. Validation problems (and other user-facing refusals that belong
 * next to the form) re-draw the form with the errors; anything else goes to the error page.
 */
export async function formAction<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  run: () => Promise<T>,
  redraw: (errors: Errors, status: number) => FastifyReply | Promise<FastifyReply>,
  done: (result: T) => FastifyReply | Promise<FastifyReply>,
): Promise<FastifyReply> {
  let result: T;
  try {
    result = await run();
  } catch (e) {
    if (
      isAppError(e) &&
      (e.code === 'VALIDATION' || e.code === 'PAYLOAD_TOO_LARGE' || e.code === 'UNSUPPORTED_MEDIA_TYPE')
    ) {
      const errors = e.fields.length > 0 ? errorMap(req.t, e.fields) : { _: req.t(e.key, e.params) };
      return redraw(errors, e.status);
    }
    throw e;
  }
  return done(result);
}
