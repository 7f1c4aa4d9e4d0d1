import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/i18n.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { createApiToken, revokeApiToken } from '../../modules/people/api-tokens.ts';
import { localDateTime } from '../../modules/calendar/working-days.ts';
import { listApiTokens, listOfficeAssignments, type ApiToken } from '../../modules/people/queries.ts';
import { ROLES } from '../../modules/people/schema.ts';
import {
  ActionButton,
  Csrf,
  ErrorSummary,
  SelectField,
  TextField,
  type Errors,
  type Values,
} from '../shared/forms.tsx';
import { DataTable } from '../shared/data-table.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

function TokensPage(props: {
  ctx: PageCtx;
  office: Office;
  tokens: ApiToken[];
  people: { id: string; label: string }[];
  errors: Errors;
  values: Values;
  created?: string;
}) {
  const { ctx, office } = props;
  const { t } = ctx;
  const now = new Date();
  const active = (tok: ApiToken) => !tok.revokedAt && (!tok.expiresAt || tok.expiresAt > now);
  return (
    <StaffLayout ctx={ctx} title={t('tokens.title')}>
      <hgroup>
        <h1>{t('tokens.title')}</h1>
        <p>{t('tokens.lead')}</p>
      </hgroup>
      {props.created ? (
        <div class="notice notice-success" role="status">
          <p>{t('tokens.created')}</p>
          <p class="credential">{props.created}</p>
        </div>
      ) : null}
      {props.tokens.length === 0 ? (
        <p>{t('tokens.none')}</p>
      ) : (
        <DataTable
          t={t}
          rows={props.tokens}
          columns={[
            { label: t('tokens.name'), cell: (tok) => tok.name },
            { label: t('field.role'), cell: (tok) => t(`role.${tok.role}`) },
            {
              label: t('tokens.lastUsed'),
              cell: (tok) =>
                tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, ctx.locale, office.timezone) : '—',
            },
            {
              label: t('app.status'),
              cell: (tok) => (
                <span class={`badge ${active(tok) ? 'badge-ok' : 'badge-muted'}`}>
                  {active(tok) ? t('tokens.active') : t('users.status.revoked')}
                </span>
              ),
            },
            {
              label: t('app.actions'),
              cell: (tok) =>
                active(tok) ? (
                  <ActionButton
                    action={`/staff/${office.slug}/token/${tok.id}/cabut`}
                    csrf={ctx.csrf}
                    label={t('tokens.revoke')}
                    variant="danger"
                  />
                ) : null,
            },
          ]}
        />
      )}
      <h2>{t('tokens.create')}</h2>
      <ErrorSummary t={t} errors={props.errors} />
      <form method="post" action={`/staff/${office.slug}/token`}>
        <Csrf token={ctx.csrf} />
        <div class="grid-2">
          <TextField
            name="name"
            label={t('tokens.name')}
            errors={props.errors}
            values={props.values}
            required
          />
          <SelectField
            name="role"
            label={t('field.role')}
            options={ROLES.filter((r) => r !== 'NATIONAL_ADMIN').map((r) => ({
              value: r,
              label: t(`role.${r}`),
            }))}
            errors={props.errors}
            values={props.values}
            required
          />
        </div>
        <SelectField
          name="actingUserId"
          label={t('field.actingUserId')}
          hint={t('tokens.personHint')}
          options={props.people.map((p) => ({ value: p.id, label: p.label }))}
          emptyLabel={t('tokens.noPerson')}
          errors={props.errors}
          values={props.values}
        />
        <TextField
          name="expiresAt"
          type="date"
          label={`${t('tokens.expiresAt')} ${t('app.optional')}`}
          errors={props.errors}
          values={props.values}
        />
        <button type="submit">{t('tokens.create')}</button>
      </form>
    </StaffLayout>
  );
}

export async function tokenRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  // The office's current role holders, for "on behalf of" (letters issued through the token are signed by them).
  const tokenPeople = async (req: FastifyRequest) => {
    const office = officeOf(req);
    const today = localDateTime(ctx.clock.now(), office.timezone).date;
    const t = req.t;
    return (await listOfficeAssignments(ctx.db, office.id))
      .filter(
        ({ assignment: a, user }) =>
          !a.revokedAt && !user.disabledAt && a.validFrom <= today && (!a.validTo || a.validTo >= today),
      )
      .map(({ assignment: a, user }) => ({ id: user.id, label: `${user.name} — ${t(`role.${a.role}`)}` }))
      .filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
  };
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: Errors; values?: Values; created?: string; status?: number } = {},
  ) =>
    sendPage(
      reply,
      <TokensPage
        ctx={pageCtx(req, reply)}
        office={officeOf(req)}
        tokens={await listApiTokens(ctx.db, officeOf(req).id)}
        people={await tokenPeople(req)}
        errors={extra.errors ?? {}}
        values={extra.values ?? { role: 'PETUGAS_LAYANAN' }}
        {...(extra.created ? { created: extra.created } : {})}
      />,
      extra.status ?? 200,
    );

  staff.get('/staff/:office/token', 'administerOffice', (req, reply) => render(req, reply));

  staff.post('/staff/:office/token', 'administerOffice', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => createApiToken(ctx, req.actor, { officeId: office.id, data: fields }),
      (errors, status) => render(req, reply, { errors, values: fields, status }),
      (result) => render(req, reply, { created: result.token }),
    );
  });

  staff.post<{ Params: { office: string; id: string } }>(
    '/staff/:office/token/:id/cabut',
    'administerOffice',
    async (req, reply, office) => {
      const id = z.uuid().safeParse(req.params.id);
      if (!id.success) throw AppError.notFound();
      await revokeApiToken(ctx, req.actor, { officeId: office.id, tokenId: id.data });
      setFlash(reply, { kind: 'success', key: 'tokens.revoked' });
      return reply.redirect(`/staff/${office.slug}/token`);
    },
  );
}
