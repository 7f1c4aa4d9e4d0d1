import type { Translate } from '../../platform/i18n.ts';
import { citePasal17, PASAL17, PASAL17_GROUNDS } from '../../modules/law/pasal17.ts';
import {
  Csrf,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type Errors,
  type Values,
} from '../shared/forms.tsx';

// The forms of SOP 004: consequence test, decree, entry, approval decision. Field labels are
// also the names the error summary uses (never an internal key).

const TEST_FIELDS = [
  'documentKind',
  'archiveItemId',
  'dipEntryKey',
  'documentDescription',
  'information',
  'ground',
  'subPoint',
  'otherStatute',
  'harmAnalysis',
  'publicInterest',
  'propriety',
  'closed',
  'whole',
  'periodUntil',
  'periodCondition',
  'occasion',
  'requestId',
  'objectionId',
  'place',
  'heldOn',
  'participants',
] as const;
const DECREE_FIELDS = [
  'number',
  'decreeDate',
  'title',
  'officialName',
  'officialPosition',
  'reasons',
  'reach',
  'testIds',
] as const;
const ENTRY_FIELDS = [
  'information',
  'holderUnit',
  'ground',
  'subPoint',
  'legalBasis',
  'consideration',
  'whole',
  'periodUntil',
  'periodCondition',
  'testId',
] as const;

export function exemptionLabels(t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of [...TEST_FIELDS, ...DECREE_FIELDS, ...ENTRY_FIELDS, 'reason', 'decision', 'file'])
    out[f] = t(`exemptions.field.${f}`);
  return out;
}

export function groundOptions(t: Translate) {
  return PASAL17_GROUNDS.map((g) => ({
    value: g,
    label: `${t('exemptions.huruf', { g })} — ${PASAL17[g].title.id}`,
  }));
}

/** Every sub-point the statute lists, as "h angka 2 — riwayat, kondisi …"; the use case checks it fits the ground. */
export function subPointOptions() {
  const opts: { value: string; label: string }[] = [];
  for (const g of PASAL17_GROUNDS)
    PASAL17[g].subPoints.forEach((s, i) =>
      opts.push({
        value: String(i + 1),
        label: `${g} angka ${i + 1} — ${s.length > 90 ? `${s.slice(0, 88)}…` : s}`,
      }),
    );
  return opts;
}

export function SubPointHelp({ t }: { t: Translate }) {
  return (
    <details>
      <summary>{t('exemptions.subPointHelp')}</summary>
      <ul>
        {PASAL17_GROUNDS.map((g) => (
          <li>
            <strong>{citePasal17(g).split(' Undang-Undang')[0]}</strong>: {PASAL17[g].title.id}
            {PASAL17[g].subPoints.length ? (
              <ol>
                {PASAL17[g].subPoints.map((s) => (
                  <li>{s}</li>
                ))}
              </ol>
            ) : (
              <em> — {t('exemptions.noSubPoints')}</em>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function TestForm(props: {
  t: Translate;
  csrf: string;
  action: string;
  errors: Errors;
  values: Values;
  archive: { id: string; title: string }[];
  requests: { id: string; label: string }[];
}) {
  const { t, errors, values } = props;
  const L = exemptionLabels(t);
  const text = (name: string, required = false, max = 200) => (
    <TextField
      name={name}
      label={L[name]!}
      errors={errors}
      values={values}
      required={required}
      maxLength={max}
    />
  );
  const area = (name: string, hint?: string, rows = 4) => (
    <TextArea name={name} label={L[name]!} hint={hint} errors={errors} values={values} rows={rows} required />
  );
  const choose = (name: string, options: { value: string; label: string }[], empty?: string) => (
    <SelectField
      name={name}
      label={L[name]!}
      options={options}
      errors={errors}
      values={values}
      emptyLabel={empty}
    />
  );
  return (
    <>
      <ErrorSummary t={t} errors={errors} labels={L} />
      <form method="post" action={props.action}>
        <Csrf token={props.csrf} />
        <fieldset>
          <legend>{t('exemptions.test.document')}</legend>
          {choose(
            'documentKind',
            ['DESCRIBED', 'ARCHIVE', 'DIP'].map((k) => ({
              value: k,
              label: t(`exemptions.documentKind.${k}`),
            })),
          )}
          {choose(
            'archiveItemId',
            props.archive.map((a) => ({ value: a.id, label: a.title })),
            '—',
          )}
          {text('dipEntryKey', false, 100)}
          {area('documentDescription', t('exemptions.hint.documentDescription'), 2)}
          {area('information', t('exemptions.hint.information'), 3)}
        </fieldset>
        <fieldset>
          <legend>{t('exemptions.test.basis')}</legend>
          <div class="grid-2">
            {choose('ground', groundOptions(t), '—')}
            {choose('subPoint', subPointOptions(), t('exemptions.noSubPointChosen'))}
          </div>
          <SubPointHelp t={t} />
          {text('otherStatute', false, 500)}
        </fieldset>
        <fieldset>
          <legend>{t('exemptions.test.analysis')}</legend>
          {area('harmAnalysis', t('exemptions.hint.harmAnalysis'), 5)}
          {area('publicInterest', t('exemptions.hint.publicInterest'), 5)}
          {area('propriety', t('exemptions.hint.propriety'), 3)}
        </fieldset>
        <fieldset>
          <legend>{t('exemptions.test.result')}</legend>
          <div class="grid-2">
            {choose('closed', [
              { value: 'CLOSED', label: t('exemptions.result.CLOSED') },
              { value: 'OPEN', label: t('exemptions.result.OPEN') },
            ])}
            {choose('whole', [
              { value: 'WHOLE', label: t('exemptions.closed.whole') },
              { value: 'PART', label: t('exemptions.closed.part') },
            ])}
            <TextField
              name="periodUntil"
              type="date"
              label={L.periodUntil!}
              errors={errors}
              values={values}
              hint={t('exemptions.hint.period')}
            />
            {text('periodCondition', false, 500)}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('exemptions.test.held')}</legend>
          <div class="grid-2">
            {choose(
              'occasion',
              ['BEFORE_REQUEST', 'AT_REQUEST', 'KI_ORDER'].map((k) => ({
                value: k,
                label: t(`exemptions.occasion.${k}`),
              })),
            )}
            {choose(
              'requestId',
              props.requests.map((r) => ({ value: r.id, label: r.label })),
              '—',
            )}
            {text('objectionId', false, 40)}
            {text('place', true, 120)}
            <TextField name="heldOn" type="date" label={L.heldOn!} errors={errors} values={values} required />
          </div>
          {area('participants', t('exemptions.hint.participants'), 4)}
        </fieldset>
        <button type="submit">{t('app.save')}</button>
      </form>
    </>
  );
}

export function DecreeForm(props: {
  t: Translate;
  csrf: string;
  action: string;
  errors: Errors;
  values: Values;
  tests: { id: string; label: string }[];
  mayReachDown: boolean;
}) {
  const { t, errors, values } = props;
  const L = exemptionLabels(t);
  const chosen = new Set(
    Array.isArray(values.testIds)
      ? (values.testIds as string[])
      : typeof values.testIds === 'string'
        ? [values.testIds]
        : [],
  );
  return (
    <>
      <ErrorSummary t={t} errors={errors} labels={L} />
      <form method="post" action={props.action}>
        <Csrf token={props.csrf} />
        <div class="grid-2">
          <TextField
            name="number"
            label={L.number!}
            errors={errors}
            values={values}
            required
            maxLength={120}
          />
          <TextField
            name="decreeDate"
            type="date"
            label={L.decreeDate!}
            errors={errors}
            values={values}
            required
          />
          <TextField
            name="officialName"
            label={L.officialName!}
            errors={errors}
            values={values}
            required
            maxLength={200}
          />
          <TextField
            name="officialPosition"
            label={L.officialPosition!}
            errors={errors}
            values={values}
            required
            maxLength={200}
          />
        </div>
        <TextField name="title" label={L.title!} errors={errors} values={values} required maxLength={300} />
        <TextArea name="reasons" label={L.reasons!} errors={errors} values={values} rows={4} required />
        <SelectField
          name="reach"
          label={L.reach!}
          errors={errors}
          values={values}
          hint={props.mayReachDown ? undefined : t('exemptions.hint.reachOffice')}
          options={[
            { value: 'OFFICE', label: t('exemptions.reach.OFFICE') },
            ...(props.mayReachDown
              ? [{ value: 'DESCENDANTS', label: t('exemptions.reach.DESCENDANTS') }]
              : []),
          ]}
        />
        <fieldset>
          <legend>{L.testIds}</legend>
          {props.tests.length === 0 ? <p class="muted">{t('exemptions.test.none')}</p> : null}
          {props.tests.map((x) => (
            <label>
              <input type="checkbox" name="testIds" value={x.id} checked={chosen.has(x.id)} /> {x.label}
            </label>
          ))}
          {errors.testIds ? <small class="error-text">{errors.testIds}</small> : null}
        </fieldset>
        <button type="submit">{t('app.save')}</button>
      </form>
    </>
  );
}

export function EntryForm(props: {
  t: Translate;
  csrf: string;
  action: string;
  errors: Errors;
  values: Values;
  tests: { id: string; label: string }[];
}) {
  const { t, errors, values } = props;
  const L = exemptionLabels(t);
  return (
    <>
      <ErrorSummary t={t} errors={errors} labels={L} />
      <form method="post" action={props.action}>
        <Csrf token={props.csrf} />
        <TextArea
          name="information"
          label={L.information!}
          errors={errors}
          values={values}
          rows={2}
          required
        />
        <div class="grid-2">
          <TextField
            name="holderUnit"
            label={L.holderUnit!}
            errors={errors}
            values={values}
            maxLength={200}
          />
          <SelectField
            name="ground"
            label={L.ground!}
            options={groundOptions(t)}
            errors={errors}
            values={values}
            emptyLabel="—"
          />
          <SelectField
            name="subPoint"
            label={L.subPoint!}
            options={subPointOptions()}
            errors={errors}
            values={values}
            emptyLabel={t('exemptions.noSubPointChosen')}
          />
          <TextField
            name="legalBasis"
            label={L.legalBasis!}
            errors={errors}
            values={values}
            required
            maxLength={1000}
            hint={t('exemptions.hint.legalBasis')}
          />
        </div>
        <TextArea
          name="consideration"
          label={L.consideration!}
          errors={errors}
          values={values}
          rows={3}
          required
        />
        <div class="grid-2">
          <SelectField
            name="whole"
            label={L.whole!}
            errors={errors}
            values={values}
            options={[
              { value: 'WHOLE', label: t('exemptions.closed.whole') },
              { value: 'PART', label: t('exemptions.closed.part') },
            ]}
          />
          <SelectField
            name="testId"
            label={L.testId!}
            options={props.tests.map((x) => ({ value: x.id, label: x.label }))}
            errors={errors}
            values={values}
            emptyLabel="—"
          />
          <TextField
            name="periodUntil"
            type="date"
            label={L.periodUntil!}
            errors={errors}
            values={values}
            hint={t('exemptions.hint.period')}
          />
          <TextField
            name="periodCondition"
            label={L.periodCondition!}
            errors={errors}
            values={values}
            maxLength={500}
          />
        </div>
        <button type="submit">{t('exemptions.entry.add')}</button>
      </form>
    </>
  );
}

export function ApprovalForm(props: {
  t: Translate;
  csrf: string;
  action: string;
  errors: Errors;
  role: string;
}) {
  const { t, errors } = props;
  const L = exemptionLabels(t);
  return (
    <>
      <ErrorSummary t={t} errors={errors} labels={L} />
      <form method="post" action={props.action}>
        <Csrf token={props.csrf} />
        <p>{t('exemptions.approval.yourTurn', { role: t(`role.${props.role}`) })}</p>
        <TextArea
          name="reason"
          label={L.reason!}
          hint={t('exemptions.hint.reason')}
          errors={errors}
          values={{}}
          rows={3}
        />
        <div class="toolbar">
          <button type="submit" name="decision" value="APPROVED">
            {t('exemptions.approval.approve')}
          </button>
          <button type="submit" name="decision" value="RETURNED" class="secondary">
            {t('exemptions.approval.return')}
          </button>
        </div>
      </form>
    </>
  );
}
