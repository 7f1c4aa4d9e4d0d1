import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren, JSX } from 'preact';
import { getOfficeSettings } from '../../modules/offices/queries.ts';
import type { OfficeSettings } from '../../modules/offices/office-settings.ts';
import { updateOfficeSettings } from '../../modules/offices/update-office-settings.ts';
import { Csrf, ErrorSummary, type Errors, type Values } from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { one, readForm, type FormData } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { officeOf, staffRoutes } from './office.ts';

/** What a settings page draws: the form's errors and values, and the URL it posts to. */
export interface SettingsPageProps {
  ctx: PageCtx;
  errors: Errors;
  values: Values;
  action: string;
}

/** The frame of a settings page: title, lead, the error summary and the form with its CSRF token. */
export function SettingsForm(
  props: SettingsPageProps & {
    title: string;
    lead: string;
    labels: Record<string, string>;
    children: ComponentChildren;
  },
) {
  const { t } = props.ctx;
  return (
    <StaffLayout ctx={props.ctx} title={props.title}>
      <hgroup>
        <h1>{props.title}</h1>
        <p>{props.lead}</p>
      </hgroup>
      <ErrorSummary t={t} errors={props.errors} labels={props.labels} />
      <form method="post" action={props.action}>
        <Csrf token={props.ctx.csrf} />
        {props.children}
        <button type="submit">{t('app.save')}</button>
      </form>
    </StaffLayout>
  );
}

/** A number field of a posted form; empty is "not given" (the settings schema says whether that is allowed). */
export function formNumber(fields: FormData['fields'], name: string): number | undefined {
  const raw = (one(fields, name) ?? '').trim();
  return raw === '' ? undefined : Number(raw);
}

/**
 * One section of the office settings as its own page (`GET` draws it, `POST` saves it through
 * `updateOfficeSettings`, which validates): administerOffice only.
 */
export function settingsFormRoute(
  app: FastifyInstance,
  spec: {
    /** e.g. `pengaturan-permohonan`, under /staff/:office/ */
    path: string;
    Page: (props: SettingsPageProps) => JSX.Element;
    toValues: (settings: OfficeSettings) => Values;
    /** The whole settings with this page's section replaced by what was posted. */
    fromForm: (fields: FormData['fields'], current: OfficeSettings) => unknown;
  },
): void {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const url = `/staff/:office/${spec.path}`;
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    values?: Values,
    status = 200,
  ) => {
    const office = officeOf(req);
    const settings = await getOfficeSettings(ctx.db, office.id);
    return sendPage(
      reply,
      <spec.Page
        ctx={pageCtx(req, reply)}
        errors={errors}
        values={values ?? spec.toValues(settings)}
        action={`/staff/${office.slug}/${spec.path}`}
      />,
      status,
    );
  };
  staff.get(url, 'administerOffice', (req, reply) => render(req, reply));
  staff.post(url, 'administerOffice', async (req, reply, office) => {
    const { fields } = await readForm(req);
    const next = spec.fromForm(fields, await getOfficeSettings(ctx.db, office.id));
    return formAction(
      req,
      reply,
      () => updateOfficeSettings(ctx, req.actor, { officeId: office.id, settings: next }),
      (errors, status) => render(req, reply, errors, fields as Values, status),
      () => {
        setFlash(reply, { kind: 'success', key: 'app.saved' });
        return reply.redirect(`/staff/${office.slug}/${spec.path}`);
      },
    );
  });
}
