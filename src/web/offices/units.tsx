import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { findUnit, listUnits, type Office, type Unit } from '../../modules/offices/queries.ts';
import { saveUnit } from '../../modules/offices/save-unit.ts';
import {
  Checkbox,
  Csrf,
  ErrorSummary,
  SelectField,
  TextField,
  type Errors,
  type Values,
} from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

const KINDS = ['BAGIAN', 'SUBBAGIAN', 'PPID_PEMBANTU', 'LAINNYA'] as const;

function UnitForm(props: {
  ctx: PageCtx;
  action: string;
  units: Unit[];
  errors: Errors;
  values: Values;
  editingId?: string;
}) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  const labels = Object.fromEntries(
    ['name', 'kind', 'parentUnitId', 'headName', 'headTitle', 'email'].map((f) => [f, t(`units.field.${f}`)]),
  );
  return (
    <>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={props.action}>
        <Csrf token={ctx.csrf} />
        <div class="grid-2">
          <TextField name="name" label={labels.name!} errors={errors} values={values} required />
          <SelectField
            name="kind"
            label={labels.kind!}
            options={KINDS.map((k) => ({ value: k, label: t(`units.kind.${k}`) }))}
            errors={errors}
            values={values}
            required
          />
        </div>
        <SelectField
          name="parentUnitId"
          label={labels.parentUnitId!}
          options={props.units
            .filter((u) => u.id !== props.editingId)
            .map((u) => ({ value: u.id, label: u.name }))}
          emptyLabel={t('units.noParent')}
          errors={errors}
          values={values}
        />
        <div class="grid-2">
          <TextField
            name="headName"
            label={`${labels.headName} ${t('app.optional')}`}
            errors={errors}
            values={values}
          />
          <TextField
            name="headTitle"
            label={`${labels.headTitle} ${t('app.optional')}`}
            errors={errors}
            values={values}
          />
        </div>
        <TextField
          name="email"
          type="email"
          label={`${labels.email} ${t('app.optional')}`}
          errors={errors}
          values={values}
        />
        <Checkbox name="active" label={t('units.field.active')} checked={values.active !== false} />
        <button type="submit">{t('app.save')}</button>
      </form>
    </>
  );
}

function UnitsPage(props: { ctx: PageCtx; office: Office; units: Unit[]; errors: Errors; values: Values }) {
  const { ctx, office, units } = props;
  const { t } = ctx;
  return (
    <StaffLayout ctx={ctx} title={t('units.title')}>
      <hgroup>
        <h1>{t('units.title')}</h1>
        <p>{t('units.lead')}</p>
      </hgroup>
      {units.length === 0 ? (
        <p>{t('units.none')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('units.field.name')}</th>
                <th scope="col">{t('units.field.kind')}</th>
                <th scope="col">{t('units.field.headName')}</th>
                <th scope="col">{t('app.status')}</th>
                <th scope="col">{t('app.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr>
                  <td>
                    {u.name}
                    {u.parentUnitId ? (
                      <small class="muted"> ({units.find((p) => p.id === u.parentUnitId)?.name})</small>
                    ) : null}
                  </td>
                  <td>{t(`units.kind.${u.kind}`)}</td>
                  <td>
                    {u.headName ?? '—'}
                    {u.headTitle ? <small class="muted"> — {u.headTitle}</small> : null}
                  </td>
                  <td>
                    {u.active ? (
                      <span class="badge badge-ok">{t('users.status.active')}</span>
                    ) : (
                      <span class="badge badge-muted">—</span>
                    )}
                  </td>
                  <td>
                    <a href={`/staff/${office.slug}/unit/${u.id}`}>{t('app.edit')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('units.add')}</h2>
      <UnitForm
        ctx={ctx}
        action={`/staff/${office.slug}/unit`}
        units={units}
        errors={props.errors}
        values={props.values}
      />
    </StaffLayout>
  );
}

function EditUnitPage(props: {
  ctx: PageCtx;
  office: Office;
  unit: Unit;
  units: Unit[];
  errors: Errors;
  values: Values;
}) {
  const { ctx } = props;
  return (
    <StaffLayout ctx={ctx} title={ctx.t('units.edit')}>
      <h1>
        {ctx.t('units.edit')}: {props.unit.name}
      </h1>
      <UnitForm
        ctx={ctx}
        action={`/staff/${props.office.slug}/unit/${props.unit.id}`}
        units={props.units}
        errors={props.errors}
        values={props.values}
        editingId={props.unit.id}
      />
      <p>
        <a href={`/staff/${props.office.slug}/unit`}>{ctx.t('app.back')}</a>
      </p>
    </StaffLayout>
  );
}

export async function unitRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const renderList = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    values: Values = { kind: 'BAGIAN', active: true },
    status = 200,
  ) =>
    sendPage(
      reply,
      <UnitsPage
        ctx={pageCtx(req, reply)}
        office={officeOf(req)}
        units={await listUnits(ctx.db, officeOf(req).id, true)}
        errors={errors}
        values={values}
      />,
      status,
    );

  const loadUnit = async (req: FastifyRequest<{ Params: { unitId: string } }>) => {
    const id = z.uuid().safeParse(req.params.unitId);
    const unit = id.success ? await findUnit(ctx.db, officeOf(req).id, id.data) : undefined;
    if (!unit) throw AppError.notFound();
    return unit;
  };

  const renderEdit = async (
    req: FastifyRequest<{ Params: { unitId: string } }>,
    reply: FastifyReply,
    unit: Unit,
    errors: Errors,
    values: Values,
    status = 200,
  ) =>
    sendPage(
      reply,
      <EditUnitPage
        ctx={pageCtx(req, reply)}
        office={officeOf(req)}
        unit={unit}
        units={await listUnits(ctx.db, officeOf(req).id, true)}
        errors={errors}
        values={values}
      />,
      status,
    );

  staff.get('/staff/:office/unit', 'administerOffice', (req, reply) => renderList(req, reply));

  staff.post('/staff/:office/unit', 'administerOffice', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () =>
        saveUnit(ctx, req.actor, {
          officeId: office.id,
          data: { ...fields, active: fields.active ?? 'false' },
        }),
      (errors, status) =>
        renderList(req, reply, errors, { ...fields, active: fields.active === 'on' }, status),
      () => {
        setFlash(reply, { kind: 'success', key: 'units.saved' });
        return reply.redirect(`/staff/${office.slug}/unit`);
      },
    );
  });

  staff.get<{ Params: { office: string; unitId: string } }>(
    '/staff/:office/unit/:unitId',
    'administerOffice',
    async (req, reply) => {
      const unit = await loadUnit(req);
      return renderEdit(req, reply, unit, {}, { ...unit });
    },
  );

  staff.post<{ Params: { office: string; unitId: string } }>(
    '/staff/:office/unit/:unitId',
    'administerOffice',
    async (req, reply, office) => {
      const unit = await loadUnit(req);
      const { fields } = await readForm(req);
      return formAction(
        req,
        reply,
        () =>
          saveUnit(ctx, req.actor, {
            officeId: office.id,
            unitId: unit.id,
            data: { ...fields, active: fields.active ?? 'false' },
          }),
        (errors, status) =>
          renderEdit(req, reply, unit, errors, { ...fields, active: fields.active === 'on' }, status),
        () => {
          setFlash(reply, { kind: 'success', key: 'units.saved' });
          return reply.redirect(`/staff/${office.slug}/unit`);
        },
      );
    },
  );
}
