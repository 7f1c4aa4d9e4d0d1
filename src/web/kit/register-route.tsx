import type { FastifyInstance } from 'fastify';
import type { JSX } from 'preact';
import { z } from 'zod';
import { formatDate, type Translate } from '../../platform/i18n.ts';
import type { Actor } from '../../modules/access/actor.ts';
import type { RegisterTable } from '../../modules/requests/register-export.ts';
import { Checkbox, TextField, type Values } from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';
import type { RoutePermission } from '../shared/guard.ts';
import {
  filterQuery,
  REGISTER_FORMATS,
  RegisterExportLinks,
  RegisterGrid,
  sendRegisterDownload,
} from '../shared/register-view.tsx';
import { staffRoutes } from './office.ts';

/** A register of cases as a staff page (filter form, table) and its XLSX, CSV and PDF exports. */
export interface RegisterSpec<R extends RegisterTable> {
  /** e.g. `register-permohonan`, under /staff/:office/; also the stem of the download's name */
  path: string;
  permission: RoutePermission;
  /** The filter's query parameters, in the order of the export links' query string. */
  filterKeys: readonly string[];
  build: (actor: Actor, officeId: string, filter: Record<string, string | undefined>) => Promise<R>;
  renderPdf: (register: R, printedAt: Date) => Promise<Buffer>;
  /** Message keys of the page's title, lead (`from`, `to`, `n`) and empty table. */
  keys: { title: string; lead: string; empty: string };
  /** The register's own filter fields, between the dates and the public-version box. */
  Filters: (props: { t: Translate; values: Values }) => JSX.Element;
}

function RegisterPage<R extends RegisterTable>({
  ctx,
  spec,
  register,
  values,
  base,
  query,
}: {
  ctx: PageCtx;
  spec: RegisterSpec<R>;
  register: R;
  values: Values;
  base: string;
  query: string;
}) {
  const { t } = ctx;
  return (
    <StaffLayout ctx={ctx} title={t(spec.keys.title)}>
      <hgroup>
        <h1>{t(spec.keys.title)}</h1>
        <p>
          {t(spec.keys.lead, {
            from: formatDate(register.from, ctx.locale),
            to: formatDate(register.to, ctx.locale),
            n: register.rows.length,
          })}
        </p>
      </hgroup>
      <form method="get" action={base} class="filters">
        <div class="grid-2">
          <TextField name="from" type="date" label={t('requests.register.from')} values={values} />
          <TextField name="to" type="date" label={t('requests.register.to')} values={values} />
        </div>
        <spec.Filters t={t} values={values} />
        <Checkbox
          name="publicVersion"
          label={t('requests.register.publicVersion')}
          checked={values.publicVersion === 'on'}
        />
        <button type="submit" class="secondary">
          {t('requests.register.apply')}
        </button>
      </form>
      <RegisterExportLinks t={t} base={base} query={query} />
      <RegisterGrid register={register} emptyText={t(spec.keys.empty)} />
    </StaffLayout>
  );
}

/** Mounts `GET /staff/:office/{path}`: the page, or with `?format=` a download of the same selection. */
export function registerRoute<R extends RegisterTable>(app: FastifyInstance, spec: RegisterSpec<R>): void {
  staffRoutes(app).get(`/staff/:office/${spec.path}`, spec.permission, async (req, reply, office) => {
    const raw = (req.query ?? {}) as Record<string, string | undefined>;
    const format = z
      .enum(REGISTER_FORMATS)
      .catch('html')
      .parse(raw.format ?? 'html');
    const filter = Object.fromEntries(spec.filterKeys.map((k) => [k, raw[k]]));
    const register = await spec.build(req.actor, office.id, filter);
    if (format !== 'html') {
      return sendRegisterDownload(
        reply,
        register,
        format,
        `${spec.path}-${office.slug}-${register.from}-${register.to}`,
        () => spec.renderPdf(register, app.services.clock.now()),
      );
    }
    return sendPage(
      reply,
      <RegisterPage
        ctx={pageCtx(req, reply)}
        spec={spec}
        register={register}
        values={{ ...filter, from: register.from, to: register.to }}
        base={`/staff/${office.slug}/${spec.path}`}
        query={filterQuery(filter)}
      />,
    );
  });
}
