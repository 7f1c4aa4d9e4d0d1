import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Clock } from '../../platform/clock.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { localDateTime } from '../../modules/calendar/working-days.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { ChoiceGroup } from '../shared/choice-fields.tsx';
import { Csrf, TextArea, TextField, type Errors, type Values } from '../shared/forms.tsx';
import type { RoutePermission } from '../shared/guard.ts';
import { formAction } from '../form-action.ts';
import { one, readForm, type FormData } from '../form-data.ts';
import type { PageCtx } from '../render.tsx';
import { officeOf } from './office.ts';

// The staff desk's intake of a case (a request, an objection brought to the counter, by letter,
// by phone …): one multipart form whose first part is the receipt (the channel, when it came
// in, a note), then the case type's own fields. A case type configures the page and the route
// once with its channels, its first values and its use case.

/**
 * The desk form: the receipt part (`before` and `after` stand around the channel, the time
 * received and the note), then `children`, then the submit button.
 */
export function DeskIntakeForm(props: {
  ctx: PageCtx;
  action: string;
  errors: Errors;
  values: Values;
  channels: { value: string; label: string }[];
  before?: ComponentChildren;
  after?: ComponentChildren;
  submit: string;
  children: ComponentChildren;
}) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  return (
    <form method="post" action={props.action} enctype="multipart/form-data">
      <Csrf token={ctx.csrf} />
      <fieldset>
        <legend>
          <h2>{t('requests.intake.receipt')}</h2>
        </legend>
        {props.before}
        <ChoiceGroup
          name="channel"
          legend={t('requests.field.channel')}
          type="radio"
          required
          options={props.channels}
          errors={errors}
          values={values}
        />
        <TextField
          name="receivedAt"
          type="datetime-local"
          label={t('requests.field.receivedAt')}
          hint={t('requests.hint.receivedAt')}
          errors={errors}
          values={values}
          required
        />
        <TextArea
          name="receivedNote"
          label={`${t('requests.field.receivedNote')} ${t('app.optional')}`}
          hint={t('requests.hint.receivedNote')}
          rows={2}
          errors={errors}
          values={values}
        />
        {props.after}
      </fieldset>
      {props.children}
      <button type="submit">{props.submit}</button>
    </form>
  );
}

/** What the desk read of the receipt part: the channel (one of the case type's) and the rest. */
export interface DeskReceipt<C extends string> {
  channel: C;
  receivedAtLocal: string | undefined;
  receivedNote: string | undefined;
}

/**
 * `GET` and `POST` of a desk intake page at `url` (`/staff/:office/…/baru`). The page is drawn
 * with `values` (the office's local now as the time received, over `defaults`) or with what was
 * typed and its errors; the channel must be one of `channels`; `file` runs the use case and
 * `done` answers its result. With `conflictRedraws`, a lost race (CONFLICT) re-draws the form
 * with the message instead of the error page.
 */
export function deskIntakeRoutes<C extends string, R>(
  app: FastifyInstance,
  ctx: { clock: Clock },
  spec: {
    url: string;
    permission: RoutePermission;
    channels: readonly C[];
    defaults: Values;
    page: (
      req: FastifyRequest,
      reply: FastifyReply,
      office: Office,
      errors: Errors,
      values: Values,
      status: number,
    ) => FastifyReply | Promise<FastifyReply>;
    file: (req: FastifyRequest, office: Office, receipt: DeskReceipt<C>, form: FormData) => Promise<R>;
    done: (
      req: FastifyRequest,
      reply: FastifyReply,
      result: R,
      form: FormData,
    ) => FastifyReply | Promise<FastifyReply>;
    conflictRedraws?: boolean;
  },
): void {
  const options = { config: { permission: spec.permission } };
  const render = (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    values?: Values,
    status = 200,
  ) => {
    const office = officeOf(req);
    const now = localDateTime(ctx.clock.now(), office.timezone);
    return spec.page(
      req,
      reply,
      office,
      errors,
      values ?? { channel: 'WALK_IN', receivedAt: `${now.date}T${now.time}`, ...spec.defaults },
      status,
    );
  };
  app.get(spec.url, options, (req, reply) => render(req, reply));
  app.post(spec.url, options, async (req, reply) => {
    const form = await readForm(req);
    const channel = one(form.fields, 'channel');
    try {
      return await formAction(
        req,
        reply,
        async () => {
          if (!channel || !spec.channels.includes(channel as C))
            throw AppError.field('channel', 'validation.invalidChoice');
          const receipt = {
            channel: channel as C,
            receivedAtLocal: one(form.fields, 'receivedAt'),
            receivedNote: one(form.fields, 'receivedNote'),
          };
          return spec.file(req, officeOf(req), receipt, form);
        },
        (errors, status) => render(req, reply, errors, form.fields as Values, status),
        (result) => spec.done(req, reply, result, form),
      );
    } catch (e) {
      if (spec.conflictRedraws && isAppError(e) && e.code === 'CONFLICT')
        return render(req, reply, { _: req.t(e.key, e.params) }, form.fields, 409);
      throw e;
    }
  });
}
