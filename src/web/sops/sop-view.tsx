import type { Sop, SopStep } from '../../modules/sops/queries.ts';
import type { Translate } from '../../platform/i18n.ts';

// An SOP drawn as the standard document (identity block, the six boxes, the step table with
// a column per executor and the mutu baku), for the public page and the staff register.

function List({ items }: { items: string[] }) {
  return items.length === 0 ? (
    <p>—</p>
  ) : (
    <ol>
      {items.map((i) => (
        <li>{i}</li>
      ))}
    </ol>
  );
}

export function SopDocument({ t, sop, steps }: { t: Translate; sop: Sop; steps: SopStep[] }) {
  return (
    <article class="sop-document">
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
        <table class="sop-identity">
          <tbody>
            <tr>
              <th scope="row" rowSpan={7} class="sop-org">
                {sop.organization.map((l) => (
                  <div>{l}</div>
                ))}
              </th>
              <th scope="row">{t('sop.field.number')}</th>
              <td>{sop.number}</td>
            </tr>
            <tr>
              <th scope="row">{t('sop.field.madeOn')}</th>
              <td>{sop.madeOn ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">{t('sop.field.revisedOn')}</th>
              <td>{sop.revisedOn ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">{t('sop.field.effectiveOn')}</th>
              <td>{sop.effectiveOn ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">{t('sop.field.approvedOn')}</th>
              <td>{sop.approvedOn ?? '—'}</td>
            </tr>
            <tr>
              <th scope="row">{t('sop.field.approver')}</th>
              <td>{[sop.approverTitle, sop.approverName].filter(Boolean).join(' — ')}</td>
            </tr>
            <tr>
              <th scope="row">{t('sop.field.title')}</th>
              <td>
                <strong>{sop.title}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <div class="sop-boxes">
        <section>
          <h3>{t('sop.field.legalBasis')}</h3>
          <List items={sop.legalBasis} />
        </section>
        <section>
          <h3>{t('sop.field.qualifications')}</h3>
          <List
            items={[
              ...sop.qualifications,
              ...(sop.executorCount ? [`${t('sop.field.executorCount')}: ${sop.executorCount}`] : []),
            ]}
          />
        </section>
        <section>
          <h3>{t('sop.field.relatedSops')}</h3>
          <List items={sop.relatedSops} />
        </section>
        <section>
          <h3>{t('sop.field.equipment')}</h3>
          <List items={sop.equipment} />
        </section>
        <section>
          <h3>{t('sop.field.warnings')}</h3>
          <List items={sop.warnings} />
        </section>
        <section>
          <h3>{t('sop.field.records')}</h3>
          <List items={sop.records} />
        </section>
      </div>
      <h3>{t('sop.steps')}</h3>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
        <table class="sop-steps">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('sop.step.no')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('sop.step.description')}
              </th>
              <th scope="colgroup" colSpan={sop.actorColumns.length}>
                {t('sop.step.actors')}
              </th>
              <th scope="colgroup" colSpan={3}>
                {t('sop.step.mutuBaku')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('sop.step.remark')}
              </th>
            </tr>
            <tr>
              {sop.actorColumns.map((a) => (
                <th scope="col">{a}</th>
              ))}
              <th scope="col">{t('sop.step.requirement')}</th>
              <th scope="col">{t('sop.step.time')}</th>
              <th scope="col">{t('sop.step.output')}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr>
                <td>{s.stepNo}</td>
                <td>{s.description}</td>
                {sop.actorColumns.map((a) => (
                  <td class="actor-mark">{s.actors.includes(a) ? <span aria-label={a}>✓</span> : ''}</td>
                ))}
                <td>{s.requirement ?? ''}</td>
                <td>{s.timeText ?? ''}</td>
                <td>{s.output ?? ''}</td>
                <td>{s.remark ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sop.sourceNote ? (
        <p class="muted">
          <small>{t('sop.source', { note: sop.sourceNote })}</small>
        </p>
      ) : null}
    </article>
  );
}
