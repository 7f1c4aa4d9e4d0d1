import { formatDate, type Locale, type Translate } from '../../platform/i18n.ts';
import { legalBasisText } from '../../modules/exemptions/public-dik.ts';
import type { DikEntry, ExemptionEntry } from '../../modules/exemptions/queries.ts';
import { DataTable, type Column } from '../shared/data-table.tsx';

// The DIK as a table, with the annex columns of a classification decree (regulation.md §5.2:
// information, legal basis, consequence / public-interest consideration, open or closed, period).

export function periodText(
  t: Translate,
  locale: Locale,
  e: Pick<DikEntry, 'periodUntil' | 'periodCondition'>,
): string {
  const parts = [
    e.periodUntil ? t('exemptions.period.until', { date: formatDate(e.periodUntil, locale) }) : null,
    e.periodCondition,
  ].filter(Boolean);
  return parts.join('; ') || '—';
}

/** The annex columns of a decree, for the DIK and for one decree's entries. */
export function dikColumns<T extends ExemptionEntry>(t: Translate, locale: Locale) {
  return {
    legalBasis: { label: t('exemptions.col.legalBasis'), cell: (e: T) => legalBasisText(e) },
    consideration: { label: t('exemptions.col.consideration'), cell: (e: T) => e.consideration },
    closed: {
      label: t('exemptions.col.closed'),
      cell: (e: T) => t(e.whole ? 'exemptions.closed.whole' : 'exemptions.closed.part'),
    },
    period: { label: t('exemptions.col.period'), cell: (e: T) => periodText(t, locale, e) },
    status: { label: t('exemptions.col.status'), cell: (e: T) => t(`exemptions.entryStatus.${e.status}`) },
  } satisfies Record<string, Column<T>>;
}

export function DikTable(props: {
  t: Translate;
  locale: Locale;
  entries: DikEntry[];
  caption: string;
  showStatus?: boolean;
  link?: (e: DikEntry) => string | null;
}) {
  const { t, locale } = props;
  const col = dikColumns<DikEntry>(t, locale);
  return (
    <DataTable
      t={t}
      label={props.caption}
      caption={props.caption}
      tableClass="striped"
      rows={props.entries}
      columns={[
        {
          label: t('exemptions.col.information'),
          cell: (e) => {
            const href = props.link?.(e) ?? null;
            return (
              <>
                {href ? <a href={href}>{e.information}</a> : e.information}
                {e.holderUnit ? <div class="muted">{e.holderUnit}</div> : null}
              </>
            );
          },
        },
        col.legalBasis,
        col.consideration,
        col.closed,
        col.period,
        {
          label: t('exemptions.col.decree'),
          cell: (e) => (
            <>
              {e.decreeNumber}, {formatDate(e.decreeDate, locale)}
              {e.inheritedFrom ? (
                <div class="muted">{t('exemptions.inheritedFrom', { office: e.issuerName })}</div>
              ) : null}
            </>
          ),
        },
        props.showStatus && col.status,
      ]}
    />
  );
}
