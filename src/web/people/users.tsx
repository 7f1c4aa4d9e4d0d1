import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formatDate } from '../../platform/i18n.ts';
import { can } from '../../modules/access/permissions.ts';
import { localDateTime } from '../../modules/calendar/working-days.ts';
import { listUnits, type Office, type Unit } from '../../modules/offices/queries.ts';
import {
  createUserWithRole,
  grantRole,
  resetPassword,
  revokeRole,
  setUserDisabled,
} from '../../modules/people/manage-users.ts';
import {
  findUserById,
  listOfficeAssignments,
  type OfficeMember,
  type RoleAssignment,
} from '../../modules/people/queries.ts';
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
import type { Translate } from '../../platform/i18n.ts';
import { staffRoutes, officeOf } from '../kit/office.ts';

type AssignmentStatus = 'active' | 'future' | 'ended' | 'revoked';

export function assignmentStatus(a: RoleAssignment, today: string): AssignmentStatus {
  if (a.revokedAt) return 'revoked';
  if (a.validFrom > today) return 'future';
  if (a.validTo && a.validTo < today) return 'ended';
  return 'active';
}

const statusBadge: Record<AssignmentStatus, string> = {
  active: 'badge-ok',
  future: 'badge-muted',
  ended: 'badge-muted',
  revoked: 'badge-bad',
};

interface OneTime {
  email: string;
  password: string | null;
  messageKey: 'users.created' | 'users.roleAdded' | 'users.passwordReset';
}

function roleOptions(t: Translate, ctx: PageCtx, office: Office) {
  return ROLES.filter((r) => r !== 'NATIONAL_ADMIN' || can.grantRole(ctx.actor, office, r)).map((r) => ({
    value: r,
    label: t(`role.${r}`),
  }));
}

function RoleFields({
  ctx,
  office,
  units,
  errors,
  values,
}: {
  ctx: PageCtx;
  office: Office;
  units: Unit[];
  errors: Errors;
  values: Values;
}) {
  const { t } = ctx;
  return (
    <>
      <div class="grid-2">
        <SelectField
          name="role"
          label={t('field.role')}
          options={roleOptions(t, ctx, office)}
          errors={errors}
          values={values}
          required
        />
        <SelectField
          name="unitId"
          label={t('field.unitId')}
          hint={t('validation.unitRequired')}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          emptyLabel="—"
          errors={errors}
          values={values}
        />
      </div>
      <div class="grid-2">
        <TextField
          name="validFrom"
          type="date"
          label={t('field.validFrom')}
          errors={errors}
          values={values}
          required
        />
        <TextField
          name="validTo"
          type="date"
          label={`${t('field.validTo')} ${t('app.optional')}`}
          errors={errors}
          values={values}
        />
      </div>
      <div class="grid-2">
        <TextField
          name="decreeNumber"
          label={`${t('field.decreeNumber')} ${t('app.optional')}`}
          errors={errors}
          values={values}
        />
        <TextField
          name="decreeDate"
          type="date"
          label={`${t('field.decreeDate')} ${t('app.optional')}`}
          errors={errors}
          values={values}
        />
      </div>
    </>
  );
}

function UsersPage(props: {
  ctx: PageCtx;
  office: Office;
  members: OfficeMember[];
  units: Unit[];
  today: string;
  errors: Errors;
  values: Values;
  oneTime?: OneTime;
}) {
  const { ctx, office, members, units, today, errors, values } = props;
  const { t } = ctx;
  const base = `/staff/${office.slug}/pengguna`;
  const byUser = new Map<string, OfficeMember[]>();
  for (const m of members) byUser.set(m.user.id, [...(byUser.get(m.user.id) ?? []), m]);
  const labels = {
    email: t('field.email'),
    name: t('field.name'),
    nip: t('field.nip'),
    role: t('field.role'),
    unitId: t('field.unitId'),
    validFrom: t('field.validFrom'),
    validTo: t('field.validTo'),
    decreeNumber: t('field.decreeNumber'),
    decreeDate: t('field.decreeDate'),
  };
  return (
    <StaffLayout ctx={ctx} title={t('users.title')}>
      <hgroup>
        <h1>{t('users.title')}</h1>
        <p>{t('users.lead')}</p>
      </hgroup>
      {props.oneTime ? (
        <div class="notice notice-success" role="status">
          <p>{t(props.oneTime.messageKey, { email: props.oneTime.email })}</p>
          {props.oneTime.password ? (
            <p>
              {t('users.oneTimePassword')} <br />
              <span class="credential">{props.oneTime.password}</span>
            </p>
          ) : null}
        </div>
      ) : null}
      {byUser.size === 0 ? <p>{t('users.none')}</p> : null}
      {[...byUser.values()].map((rows) => {
        const user = rows[0]!.user;
        return (
          <article>
            <header>
              <strong>{user.name}</strong> · {user.email}
              {user.nip ? ` · NIP ${user.nip}` : ''}{' '}
              {user.disabledAt ? <span class="badge badge-bad">{t('users.accountDisabled')}</span> : null}
              {user.lockedUntil && user.lockedUntil > new Date() ? (
                <span class="badge badge-warn">{t('users.accountLocked')}</span>
              ) : null}
            </header>
            <DataTable
              t={t}
              rows={rows.map(({ assignment: a }) => ({
                a,
                status: assignmentStatus(a, today),
                unit: a.unitId ? units.find((u) => u.id === a.unitId) : undefined,
              }))}
              columns={[
                {
                  label: t('field.role'),
                  cell: ({ a, unit }) => (
                    <>
                      {t(`role.${a.role}`)}
                      {unit ? ` — ${unit.name}` : ''}
                    </>
                  ),
                },
                {
                  label: t('users.period'),
                  cell: ({ a }) => (
                    <>
                      {formatDate(a.validFrom, ctx.locale)} –{' '}
                      {a.validTo ? formatDate(a.validTo, ctx.locale) : '…'}
                    </>
                  ),
                },
                {
                  label: t('users.decree'),
                  cell: ({ a }) => (
                    <>
                      {a.decreeNumber ?? '—'}
                      {a.decreeDate ? ` (${formatDate(a.decreeDate, ctx.locale)})` : ''}
                    </>
                  ),
                },
                {
                  label: t('app.status'),
                  cell: ({ status }) => (
                    <span class={`badge ${statusBadge[status]}`}>{t(`users.status.${status}`)}</span>
                  ),
                },
                {
                  label: t('app.actions'),
                  cell: ({ a, status }) =>
                    status !== 'revoked' && can.grantRole(ctx.actor, office, a.role) ? (
                      <ActionButton
                        action={`/staff/${office.slug}/peran/${a.id}/cabut`}
                        csrf={ctx.csrf}
                        label={t('users.revoke')}
                        variant="danger"
                        confirm={t('users.revokeConfirm')}
                      />
                    ) : null,
                },
              ]}
            />
            <footer>
              <ActionButton
                action={`${base}/${user.id}/${user.disabledAt ? 'aktifkan' : 'nonaktifkan'}`}
                csrf={ctx.csrf}
                label={t(user.disabledAt ? 'users.enable' : 'users.disable')}
                variant="secondary"
              />{' '}
              <ActionButton
                action={`${base}/${user.id}/reset-kata-sandi`}
                csrf={ctx.csrf}
                label={t('users.resetPassword')}
                variant="secondary"
                confirm={t('users.resetConfirm')}
              />
            </footer>
          </article>
        );
      })}
      <section>
        <h2>{t('users.add')}</h2>
        <p class="muted">{t('users.addHint')}</p>
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <form method="post" action={base}>
          <Csrf token={ctx.csrf} />
          <div class="grid-2">
            <TextField
              name="email"
              type="email"
              label={labels.email}
              errors={errors}
              values={values}
              required
              autocomplete="off"
            />
            <TextField name="name" label={labels.name} errors={errors} values={values} required />
          </div>
          <div class="grid-2">
            <TextField
              name="nip"
              label={`${labels.nip} ${t('app.optional')}`}
              inputMode="numeric"
              errors={errors}
              values={values}
            />
            <TextField
              name="phone"
              type="tel"
              label={`${t('field.phone')} ${t('app.optional')}`}
              errors={errors}
              values={values}
            />
          </div>
          <RoleFields ctx={ctx} office={office} units={units} errors={errors} values={values} />
          <button type="submit">{t('app.add')}</button>
        </form>
      </section>
    </StaffLayout>
  );
}

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const { services } = app;
  const ctx = {
    db: services.database.db,
    clock: services.clock,
    passwordHashCost: services.config.passwordHashCost,
  };

  async function render(
    req: Parameters<typeof pageCtx>[0],
    reply: Parameters<typeof pageCtx>[1],
    extra: { errors?: Errors; values?: Values; oneTime?: OneTime; status?: number } = {},
  ) {
    const office = officeOf(req);
    const [members, units] = await Promise.all([
      listOfficeAssignments(ctx.db, office.id),
      listUnits(ctx.db, office.id),
    ]);
    const today = localDateTime(services.clock.now(), office.timezone).date;
    return sendPage(
      reply,
      <UsersPage
        ctx={pageCtx(req, reply)}
        office={office}
        members={members}
        units={units}
        today={today}
        errors={extra.errors ?? {}}
        values={extra.values ?? { validFrom: today }}
        {...(extra.oneTime ? { oneTime: extra.oneTime } : {})}
      />,
      extra.status ?? 200,
    );
  }

  staff.get('/staff/:office/pengguna', 'administerOffice', (req, reply) => render(req, reply));

  staff.post('/staff/:office/pengguna', 'administerOffice', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () =>
        createUserWithRole(ctx, req.actor, {
          officeId: office.id,
          user: { email: fields.email, name: fields.name, nip: fields.nip, phone: fields.phone },
          role: {
            role: fields.role,
            unitId: fields.unitId,
            validFrom: fields.validFrom,
            validTo: fields.validTo,
            decreeNumber: fields.decreeNumber,
            decreeDate: fields.decreeDate,
          },
        }),
      (errors, status) => render(req, reply, { errors, values: fields, status }),
      (result) =>
        render(req, reply, {
          oneTime: {
            email: result.user.email,
            password: result.password,
            messageKey: result.password ? 'users.created' : 'users.roleAdded',
          },
        }),
    );
  });

  staff.post<{ Params: { office: string; userId: string } }>(
    '/staff/:office/pengguna/:userId/peran',
    'administerOffice',
    async (req, reply, office) => {
      const parsed = z.uuid().safeParse(req.params.userId);
      if (!parsed.success) return reply.callNotFound();
      const userId = parsed.data;
      const { fields } = await readForm(req);
      return formAction(
        req,
        reply,
        () => grantRole(ctx, req.actor, { officeId: office.id, userId, role: fields }),
        (errors, status) => render(req, reply, { errors, values: fields, status }),
        () => {
          setFlash(reply, { kind: 'success', key: 'app.saved' });
          return reply.redirect(`/staff/${office.slug}/pengguna`);
        },
      );
    },
  );

  staff.post<{ Params: { office: string; assignmentId: string } }>(
    '/staff/:office/peran/:assignmentId/cabut',
    'administerOffice',
    async (req, reply, office) => {
      const assignmentId = z.uuid().safeParse(req.params.assignmentId);
      if (!assignmentId.success) return reply.callNotFound();
      await revokeRole(ctx, req.actor, { officeId: office.id, assignmentId: assignmentId.data });
      setFlash(reply, { kind: 'success', key: 'users.revoked' });
      return reply.redirect(`/staff/${office.slug}/pengguna`);
    },
  );

  for (const [action, disabled] of [
    ['nonaktifkan', true],
    ['aktifkan', false],
  ] as const) {
    staff.post<{ Params: { office: string; userId: string } }>(
      `/staff/:office/pengguna/:userId/${action}`,
      'administerOffice',
      async (req, reply, office) => {
        const userId = z.uuid().safeParse(req.params.userId);
        if (!userId.success) return reply.callNotFound();
        await setUserDisabled(ctx, req.actor, { officeId: office.id, userId: userId.data, disabled });
        setFlash(reply, { kind: 'success', key: disabled ? 'users.disabled' : 'users.enabled' });
        return reply.redirect(`/staff/${office.slug}/pengguna`);
      },
    );
  }

  staff.post<{ Params: { office: string; userId: string } }>(
    '/staff/:office/pengguna/:userId/reset-kata-sandi',
    'administerOffice',
    async (req, reply, office) => {
      const userId = z.uuid().safeParse(req.params.userId);
      if (!userId.success) return reply.callNotFound();
      const password = await resetPassword(ctx, req.actor, { officeId: office.id, userId: userId.data });
      const user = await findUserById(ctx.db, userId.data);
      return render(req, reply, {
        oneTime: { email: user?.email ?? '', password, messageKey: 'users.passwordReset' },
      });
    },
  );
}
