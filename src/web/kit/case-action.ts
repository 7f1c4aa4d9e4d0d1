import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../platform/errors.ts';
import type { Office } from '../../modules/offices/queries.ts';
import type { Errors, Values } from '../shared/forms.tsx';
import { formAction } from '../form-action.ts';
import { readForm, type FormData } from '../form-data.ts';
import { setFlash } from '../render.tsx';
import type { RoutePermission } from '../shared/guard.ts';
import { officeOf, uuidParam } from './office.ts';

/**
 * One step on a case (a request, an objection): runs the use case; validation problems re-draw
 * the page with the step's form open; a lost race (someone else acted first, CONFLICT) comes
 * back as a notice on the case page; success flashes `flashKey` and goes `back`.
 */
export function runCaseAction(
  req: FastifyRequest,
  reply: FastifyReply,
  step: {
    run: () => Promise<unknown>;
    redraw: (errors: Errors, status: number) => FastifyReply | Promise<FastifyReply>;
    flashKey: string;
    back: string;
  },
): Promise<FastifyReply> {
  return formAction(
    req,
    reply,
    async () => {
      try {
        await step.run();
        return true;
      } catch (e) {
        if (isAppError(e) && e.code === 'CONFLICT') {
          setFlash(reply, { kind: 'error', key: e.key, params: e.params });
          return false;
        }
        throw e;
      }
    },
    step.redraw,
    (ok) => {
      if (ok) setFlash(reply, { kind: 'success', key: step.flashKey });
      return reply.redirect(step.back);
    },
  );
}

/** What a staff case action gets: the request, the office, the case id and the posted form. */
export interface CaseActionInput<P> {
  req: FastifyRequest<{ Params: P }>;
  office: Office;
  id: string;
  form: FormData;
}

/** Which form (if any) a case page re-draws with errors, with what was typed. */
export interface OpenForm {
  name: string;
  errors: Errors;
  values: Values;
}

/**
 * The staff action routes of one case page, `POST {page}/{path}` with `page` like
 * `/staff/:office/permohonan/:id`. Returns `action(path, permission, formName, run, flashKey)`.
 */
export function caseActionRoutes<P extends { office: string; id: string }>(
  app: FastifyInstance,
  page: string,
  render: (
    req: FastifyRequest<{ Params: P }>,
    reply: FastifyReply,
    open: OpenForm,
    status: number,
  ) => Promise<FastifyReply>,
) {
  return (
    path: string,
    permission: RoutePermission,
    formName: string | ((input: CaseActionInput<P>) => string),
    run: (input: CaseActionInput<P>) => Promise<unknown>,
    flashKey: string,
  ): void => {
    app.post<{ Params: P }>(`${page}/${path}`, { config: { permission } }, async (req, reply) => {
      const office = officeOf(req);
      const input: CaseActionInput<P> = {
        req,
        office,
        id: uuidParam((req.params as P).id),
        form: await readForm(req),
      };
      const name = typeof formName === 'string' ? formName : formName(input);
      return runCaseAction(req, reply, {
        run: () => run(input),
        redraw: (errors, status) => render(req, reply, { name, errors, values: input.form.fields }, status),
        flashKey,
        back: page.replace(':office', office.slug).replace(':id', input.id),
      });
    });
  };
}
