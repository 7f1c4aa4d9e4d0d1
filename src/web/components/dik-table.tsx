import { formatDate, type Locale, type Translate } from '../../platform/i18n.ts';
import { legalBasisText } from '../../modules/exemptions/public-dik.ts';
import type { DikEntry } from '../../modules/exemptions/queries.ts';

// The DIK as a table, with the annex columns of a classification decree (regulation.md §5.2:
// information, legal basis, consequence / public-interest consideration, open or closed, period).

export function periodText(t: Translate, locale: Locale, e: Pick<DikEntry, 'periodUntil' | 'periodCondition'>): string {
  const parts = [e.periodUntil ? t('exemptions.period.until', { date: formatDate(e.periodUntil, locale) }) : null, e.periodCondition].filter(Boolean);
  return parts.join('; ') || '—';
}

export function DikTable(props: { t: Translate; locale: Locale; entries: DikEntry[]; caption: string; showStatus?: boolean; link?: (e: DikEntry) => string | null }) {
  const { t, locale } = props;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table class="striped">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exemptions.col.information')}</th>
            <th scope="col">{t('exemptions.col.legalBasis')}</th>
            <th scope="col">{t('exemptions.col.consideration')}</th>
            <th scope="col">{t('exemptions.col.closed')}</th>
            <th scope="col">{t('exemptions.col.period')}</th>
            <th scope="col">{t('exemptions.col.decree')}</th>
            {props.showStatus ? <th scope="col">{t('exemptions.col.status')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => {
            const href = props.link?.(e) ?? null;
            return (
              <tr>
                <td>
                  {href ? <a href={href}>{e.information}</a> : e.information}
                  {e.holderUnit ? <div class="muted">{e.holderUnit}</div> : null}
                </td>
                <td>{legalBasisText(e)}</td>
                <td>{e.consideration}</td>
                <td>{t(e.whole ? 'exemptions.closed.whole' : 'exemptions.closed.part')}</td>
                <td>{periodText(t, locale, e)}</td>
                <td>
                  {e.decreeNumber}, {formatDate(e.decreeDate, locale)}
                  {e.inheritedFrom ? <div class="muted">{t('exemptions.inheritedFrom', { office: e.issuerName })}</div> : null}
                </td>
                {props.showStatus ? <td>{t(`exemptions.entryStatus.${e.status}`)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
