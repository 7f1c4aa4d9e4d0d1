import type { Db } from '../../platform/db/database.ts';
import { formatDate, type Locale, type Translate } from '../../platform/i18n.ts';
import type { CitedBasis } from '../../modules/exemptions/refusal-basis.ts';
import { exemptionBasisText } from '../../modules/requests/pdf/exemption-basis-text.ts';
import { legalBasisText } from '../../modules/exemptions/public-dik.ts';
import {
  listDikEntries,
  listTests,
  matchingEntries,
  type DikEntry,
  type ExemptionTest,
} from '../../modules/exemptions/queries.ts';
import { citePasal17 } from '../../modules/law/pasal17.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { SelectField, type Errors, type Values } from '../shared/forms.tsx';

// Where exempt information meets a request (issue 10): the desk sees the DIK entries that match
// the requested text (seed 002 step 3, "informs about exempt information"); the PPID's refusal
// cites an entry in force or an approved consequence test held at this request.

export interface RequestExemptions {
  inForce: DikEntry[];
  matches: DikEntry[];
  tests: ExemptionTest[];
  newTestHref: string;
}

export async function loadRequestExemptions(
  db: Db,
  office: Office,
  request: { id: string; informationRequested: string },
): Promise<RequestExemptions> {
  const [inForce, tests] = await Promise.all([
    listDikEntries(db, office),
    listTests(db, office.id, { requestId: request.id }),
  ]);
  return {
    inForce,
    matches: matchingEntries(inForce, request.informationRequested),
    tests,
    newTestHref: `/staff/${office.slug}/informasi-dikecualikan/uji/baru?requestId=${request.id}`,
  };
}

export function DikMatches({ t, matches }: { t: Translate; matches: DikEntry[] }) {
  if (matches.length === 0) return null;
  return (
    <section class="notice" aria-labelledby="dik-matches">
      <h2 id="dik-matches">{t('exemptions.request.matches')}</h2>
      <p>{t('exemptions.request.matchesLead')}</p>
      <ul>
        {matches.map((e) => (
          <li>
            <strong>{e.information}</strong> — {legalBasisText(e)} ({e.decreeNumber}
            {e.inheritedFrom ? `, ${t('exemptions.inheritedFrom', { office: e.issuerName })}` : ''})
          </li>
        ))}
      </ul>
    </section>
  );
}

const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function ExemptionCiteFields({
  t,
  data,
  errors,
  values,
}: {
  t: Translate;
  data: RequestExemptions;
  errors: Errors;
  values: Values;
}) {
  const approved = data.tests.filter((x) => x.status === 'APPROVED' && x.closed);
  const matchIds = new Set(data.matches.map((m) => m.id));
  const entries = [...data.inForce].sort((a, b) => Number(matchIds.has(b.id)) - Number(matchIds.has(a.id)));
  return (
    <>
      <SelectField
        name="exemptionEntryId"
        label={t('exemptions.field.exemptionEntryId')}
        emptyLabel="—"
        options={entries.map((e) => ({
          value: e.id,
          label: `${matchIds.has(e.id) ? '★ ' : ''}${short(e.information)} — ${citePasal17(e.ground, e.subPoint).split(' Undang-Undang')[0]} (${e.decreeNumber})`,
        }))}
        errors={errors}
        values={values}
      />
      <SelectField
        name="exemptionTestId"
        label={t('exemptions.field.exemptionTestId')}
        emptyLabel="—"
        options={approved.map((x) => ({
          value: x.id,
          label: `${short(x.information)} — ${citePasal17(x.ground, x.subPoint).split(' Undang-Undang')[0]}`,
        }))}
        errors={errors}
        values={values}
      />
      <p>
        <small>
          {data.tests.length > approved.length
            ? `${t('exemptions.request.testPending', { n: data.tests.length - approved.length })} `
            : ''}
          <a href={data.newTestHref}>{t('exemptions.request.newTest')}</a>
        </small>
      </p>
    </>
  );
}

/** On the objection page: what the refusal rested on (objections on ground a, UU 14/2008 Pasal 35(1)a). */
export function CitedBasisView(props: {
  t: Translate;
  locale: Locale;
  ground: Parameters<typeof exemptionBasisText>[0];
  subPoint: string | null;
  basis: CitedBasis | null;
}) {
  const { t, basis } = props;
  return (
    <dl class="facts">
      <dt>{t('exemptions.request.cited')}</dt>
      <dd>{exemptionBasisText(props.ground, props.subPoint)}</dd>
      {basis?.entry ? (
        <>
          <dt>{t('exemptions.field.exemptionEntryId')}</dt>
          <dd>
            {basis.entry.information} — {basis.entry.issuerName}, {basis.entry.decreeNumber} (
            {formatDate(basis.entry.decreeDate, props.locale)})
          </dd>
        </>
      ) : null}
      {basis?.test ? (
        <>
          <dt>{t('exemptions.test.title')}</dt>
          <dd>
            {basis.test.place}, {formatDate(basis.test.heldOn, props.locale)}: {basis.test.result};{' '}
            {basis.test.participants}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
