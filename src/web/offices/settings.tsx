import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localDateTime } from '../../modules/calendar/working-days.ts';
import { AppError } from '../../platform/errors.ts';
import { readFileContent } from '../../platform/storage/file-store.ts';
import { letterheadTitleLines } from '../../modules/offices/letterhead.ts';
import type { OfficeSettings } from '../../modules/offices/office-settings.ts';
import { getOfficeSettings, type Office } from '../../modules/offices/queries.ts';
import { formatRegisterNumber, isRegisterPattern } from '../../modules/offices/register-number.ts';
import { setOfficeLogo } from '../../modules/offices/set-office-logo.ts';
import { updateOfficeSettings } from '../../modules/offices/update-office-settings.ts';
import {
  Csrf,
  ErrorSummary,
  FileField,
  FormSection,
  TextArea,
  TextField,
  valueOf,
  type Errors,
  type Values,
} from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { one, readForm, type FormData } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

/** The flat form fields of the settings page. */
function toValues(s: OfficeSettings): Values {
  return {
    'letterhead.titleLines': s.letterhead.titleLines.join('\n'),
    'letterhead.address': s.letterhead.address,
    'letterhead.phone': s.letterhead.phone,
    'letterhead.email': s.letterhead.email,
    'letterhead.website': s.letterhead.website,
    'letterhead.city': s.letterhead.city,
    'workingHours.start': s.workingHours.start,
    'workingHours.end': s.workingHours.end,
    cutoff: s.cutoff,
    dayCounting: s.dayCounting,
    registerNumberPattern: s.registerNumberPattern,
    'publicContact.email': s.publicContact.email,
    'publicContact.phone': s.publicContact.phone,
    'publicContact.whatsapp': s.publicContact.whatsapp,
    'publicContact.address': s.publicContact.address,
    'publicContact.serviceHours': s.publicContact.serviceHours,
  };
}

function fromForm(fields: FormData['fields'], current: OfficeSettings): unknown {
  const v = (name: string) => {
    const value = one(fields, name)?.trim();
    return value ? value : null;
  };
  return {
    ...current,
    letterhead: {
      ...current.letterhead,
      titleLines: (one(fields, 'letterhead.titleLines') ?? '')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
      address: v('letterhead.address'),
      phone: v('letterhead.phone'),
      email: v('letterhead.email'),
      website: v('letterhead.website'),
      city: v('letterhead.city'),
    },
    workingHours: { start: v('workingHours.start') ?? '', end: v('workingHours.end') ?? '' },
    cutoff: v('cutoff') ?? '',
    dayCounting: v('dayCounting') ?? '',
    registerNumberPattern: v('registerNumberPattern') ?? '',
    publicContact: {
      email: v('publicContact.email'),
      phone: v('publicContact.phone'),
      whatsapp: v('publicContact.whatsapp'),
      address: v('publicContact.address'),
      serviceHours: v('publicContact.serviceHours'),
    },
  };
}

function LogoForm({
  ctx,
  office,
  settings,
  errors,
}: {
  ctx: PageCtx;
  office: Office;
  settings: OfficeSettings;
  errors: Errors;
}) {
  const { t } = ctx;
  return (
    <section>
      <h2>{t('settings.logo')}</h2>
      {settings.letterhead.logoFileId ? (
        <p>
          <img
            src={`/staff/${office.slug}/pengaturan/logo`}
            alt={t('settings.logoAlt', { name: office.name })}
            class="logo-preview"
          />
        </p>
      ) : (
        <p class="muted">{t('settings.noLogo')}</p>
      )}
      <form method="post" action={`/staff/${office.slug}/pengaturan/logo`} enctype="multipart/form-data">
        <Csrf token={ctx.csrf} />
        <FileField
          name="logo"
          label={t('settings.logoFile')}
          hint={t('settings.logoHint')}
          accept="image/png,image/jpeg"
          errors={errors}
          required
        />
        <button type="submit" class="secondary">
          {t('settings.uploadLogo')}
        </button>
      </form>
    </section>
  );
}

function SettingsPage(props: {
  ctx: PageCtx;
  office: Office;
  settings: OfficeSettings;
  errors: Errors;
  values: Values;
  today: string;
  logoErrors?: Errors;
}) {
  const { ctx, office, errors, values } = props;
  const { t } = ctx;
  const pattern = valueOf(values, 'registerNumberPattern');
  const example = isRegisterPattern(pattern)
    ? formatRegisterNumber(pattern, { seq: 7, officeCode: office.code, date: props.today })
    : '—';
  const labels: Record<string, string> = {
    'letterhead.titleLines': t('settings.titleLines'),
    'letterhead.address': t('settings.address'),
    'letterhead.phone': t('settings.phone'),
    'letterhead.email': t('settings.email'),
    'letterhead.website': t('settings.website'),
    'letterhead.city': t('settings.city'),
    'workingHours.start': t('settings.workStart'),
    'workingHours.end': t('settings.workEnd'),
    cutoff: t('settings.cutoff'),
    dayCounting: t('settings.dayCounting'),
    registerNumberPattern: t('settings.registerPattern'),
    'publicContact.email': t('settings.publicEmail'),
    'publicContact.phone': t('settings.publicPhone'),
    'publicContact.whatsapp': t('settings.whatsapp'),
    'publicContact.address': t('settings.publicAddress'),
    'publicContact.serviceHours': t('settings.serviceHours'),
  };
  const opt = t('app.optional');
  return (
    <StaffLayout ctx={ctx} title={t('settings.title')}>
      <h1>{t('settings.title')}</h1>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={`/staff/${office.slug}/pengaturan`}>
        <Csrf token={ctx.csrf} />
        <FormSection title={t('settings.letterhead')}>
          <TextArea
            name="letterhead.titleLines"
            label={`${labels['letterhead.titleLines']} ${opt}`}
            hint={t('settings.titleLinesHint', {
              preview: letterheadTitleLines(office, {
                ...props.settings,
                letterhead: { ...props.settings.letterhead, titleLines: [] },
              }).join(' / '),
            })}
            rows={3}
            errors={errors}
            values={values}
          />
          <TextArea
            name="letterhead.address"
            label={`${labels['letterhead.address']} ${opt}`}
            rows={2}
            errors={errors}
            values={values}
          />
          <div class="grid-2">
            <TextField
              name="letterhead.phone"
              type="tel"
              label={`${labels['letterhead.phone']} ${opt}`}
              errors={errors}
              values={values}
            />
            <TextField
              name="letterhead.email"
              type="email"
              label={`${labels['letterhead.email']} ${opt}`}
              errors={errors}
              values={values}
            />
          </div>
          <div class="grid-2">
            <TextField
              name="letterhead.website"
              label={`${labels['letterhead.website']} ${opt}`}
              errors={errors}
              values={values}
            />
            <TextField
              name="letterhead.city"
              label={`${labels['letterhead.city']} ${opt}`}
              hint={t('settings.cityHint')}
              errors={errors}
              values={values}
            />
          </div>
        </FormSection>
        <FormSection title={t('settings.hours')}>
          <div class="grid-2">
            <TextField
              name="workingHours.start"
              type="time"
              label={labels['workingHours.start']!}
              errors={errors}
              values={values}
              required
            />
            <TextField
              name="workingHours.end"
              type="time"
              label={labels['workingHours.end']!}
              errors={errors}
              values={values}
              required
            />
          </div>
          <TextField
            name="cutoff"
            type="time"
            label={labels.cutoff!}
            hint={t('settings.cutoffHint')}
            errors={errors}
            values={values}
            required
          />
          <fieldset>
            <legend>{labels.dayCounting}</legend>
            <small class="hint">{t('settings.dayCountingHint')}</small>
            {(['NEXT_DAY_IS_DAY_ONE', 'RECEIPT_DAY_IS_DAY_ONE'] as const).map((rule) => (
              <label>
                <input type="radio" name="dayCounting" value={rule} checked={values.dayCounting === rule} />
                {t(`settings.dayCounting.${rule}`)}
              </label>
            ))}
          </fieldset>
          <TextField
            name="registerNumberPattern"
            label={labels.registerNumberPattern!}
            hint={t('settings.registerPatternHint', { example })}
            errors={errors}
            values={values}
            required
          />
        </FormSection>
        <FormSection title={t('settings.publicContact')}>
          <div class="grid-2">
            <TextField
              name="publicContact.email"
              type="email"
              label={`${labels['publicContact.email']} ${opt}`}
              errors={errors}
              values={values}
            />
            <TextField
              name="publicContact.phone"
              type="tel"
              label={`${labels['publicContact.phone']} ${opt}`}
              errors={errors}
              values={values}
            />
          </div>
          <div class="grid-2">
            <TextField
              name="publicContact.whatsapp"
              type="tel"
              label={`${labels['publicContact.whatsapp']} ${opt}`}
              errors={errors}
              values={values}
            />
            <TextField
              name="publicContact.serviceHours"
              label={`${labels['publicContact.serviceHours']} ${opt}`}
              errors={errors}
              values={values}
            />
          </div>
          <TextArea
            name="publicContact.address"
            label={`${labels['publicContact.address']} ${opt}`}
            rows={2}
            errors={errors}
            values={values}
          />
        </FormSection>
        <button type="submit">{t('app.save')}</button>
      </form>
      <LogoForm ctx={ctx} office={office} settings={props.settings} errors={props.logoErrors ?? {}} />
    </StaffLayout>
  );
}

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    values?: Values,
    status = 200,
    logoErrors: Errors = {},
  ) => {
    const settings = await getOfficeSettings(ctx.db, officeOf(req).id);
    const today = localDateTime(ctx.clock.now(), officeOf(req).timezone).date;
    return sendPage(
      reply,
      <SettingsPage
        ctx={pageCtx(req, reply)}
        office={officeOf(req)}
        settings={settings}
        errors={errors}
        values={values ?? toValues(settings)}
        today={today}
        logoErrors={logoErrors}
      />,
      status,
    );
  };

  staff.get('/staff/:office/pengaturan', 'administerOffice', (req, reply) => render(req, reply));

  staff.post('/staff/:office/pengaturan/logo', 'administerOffice', async (req, reply, office) => {
    const { files } = await readForm(req);
    const file = files.logo?.[0];
    return formAction(
      req,
      reply,
      () =>
        setOfficeLogo({ ...ctx, files: app.services.files }, req.actor, {
          officeId: office.id,
          bytes: file?.bytes ?? null,
          filename: file?.filename ?? 'logo',
        }),
      (errors, status) => render(req, reply, {}, undefined, status, errors),
      () => {
        setFlash(reply, { kind: 'success', key: 'app.saved' });
        return reply.redirect(`/staff/${office.slug}/pengaturan`);
      },
    );
  });

  staff.get('/staff/:office/pengaturan/logo', 'enterOffice', async (req, reply, office) => {
    const settings = await getOfficeSettings(ctx.db, office.id);
    const id = settings.letterhead.logoFileId;
    const logo = id ? await readFileContent(ctx.db, app.services.files, office.id, id) : undefined;
    if (!logo) throw AppError.notFound();
    return reply
      .header('content-type', logo.file.mediaType)
      .header('cache-control', 'private, max-age=300')
      .send(logo.bytes);
  });

  staff.post('/staff/:office/pengaturan', 'administerOffice', async (req, reply, office) => {
    const { fields } = await readForm(req);
    const current = await getOfficeSettings(ctx.db, office.id);
    return formAction(
      req,
      reply,
      () =>
        updateOfficeSettings(ctx, req.actor, {
          officeId: office.id,
          settings: fromForm(fields, current),
        }),
      (errors, status) => render(req, reply, errors, fields as Values, status),
      () => {
        setFlash(reply, { kind: 'success', key: 'app.saved' });
        return reply.redirect(`/staff/${office.slug}/pengaturan`);
      },
    );
  });
}
