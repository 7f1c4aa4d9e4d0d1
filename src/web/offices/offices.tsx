import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createOffice } from '../../modules/offices/create-office.ts';
import { listOffices, type Office } from '../../modules/offices/queries.ts';
import { Csrf, ErrorSummary, SelectField, TextField, type Errors, type Values } from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

const ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'];

function OfficesPage(props: {
  ctx: PageCtx;
  office: Office;
  children: Office[];
  errors: Errors;
  values: Values;
}) {
  const { ctx, office, errors, values } = props;
  const { t } = ctx;
  const labels: Record<string, string> = {
    code: t('offices.field.code'),
    name: t('field.name'),
    level: t('field.level'),
    nomenclature: t('offices.field.nomenclature'),
    regionName: t('offices.field.regionName'),
    timezone: t('offices.field.timezone'),
    slug: t('offices.field.slug'),
  };
  return (
    <StaffLayout ctx={ctx} title={t('offices.title', { name: office.name })}>
      <h1>{t('offices.title', { name: office.name })}</h1>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{labels.code}</th>
              <th scope="col">{labels.name}</th>
              <th scope="col">{labels.level}</th>
            </tr>
          </thead>
          <tbody>
            {props.children.map((o) => (
              <tr>
                <td>{o.code}</td>
                <td>
                  <a href={`/staff/${o.slug}`}>{o.name}</a>
                </td>
                <td>{t(`level.${o.level}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('offices.create')}</h2>
      <p class="muted">{t('offices.createHint')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={`/staff/${office.slug}/kantor`}>
        <Csrf token={ctx.csrf} />
        <div class="grid-2">
          <TextField name="name" label={labels.name!} errors={errors} values={values} required />
          <TextField
            name="nomenclature"
            label={labels.nomenclature!}
            errors={errors}
            values={values}
            required
          />
        </div>
        <div class="grid-2">
          <TextField name="code" label={labels.code!} errors={errors} values={values} required />
          <TextField name="slug" label={labels.slug!} errors={errors} values={values} required />
        </div>
        <div class="grid-2">
          <SelectField
            name="level"
            label={labels.level!}
            options={(['RI', 'PROVINSI', 'KABKOTA'] as const).map((l) => ({
              value: l,
              label: t(`level.${l}`),
            }))}
            errors={errors}
            values={values}
            required
          />
          <SelectField
            name="timezone"
            label={labels.timezone!}
            options={ZONES.map((z) => ({ value: z, label: z }))}
            errors={errors}
            values={values}
            required
          />
        </div>
        <TextField name="regionName" label={labels.regionName!} errors={errors} values={values} required />
        <button type="submit">{t('app.add')}</button>
      </form>
    </StaffLayout>
  );
}

export async function officeAdminRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    values?: Values,
    status = 200,
  ) =>
    sendPage(
      reply,
      <OfficesPage
        ctx={pageCtx(req, reply)}
        office={officeOf(req)}
        children={await listOffices(ctx.db, { parentId: officeOf(req).id, includeInactive: true })}
        errors={errors}
        values={values ?? { level: 'KABKOTA', timezone: officeOf(req).timezone }}
      />,
      status,
    );

  staff.get('/staff/:office/kantor', 'createOffice', (req, reply) => render(req, reply));

  staff.post('/staff/:office/kantor', 'createOffice', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => createOffice(ctx, req.actor, { ...fields, parentId: office.id }),
      (errors, status) => render(req, reply, errors, fields, status),
      (created) => {
        setFlash(reply, { kind: 'success', key: 'offices.created', params: { name: created.name } });
        return reply.redirect(`/staff/${office.slug}/kantor`);
      },
    );
  });
}
