import { z } from 'zod';
import type { Translate } from '../../platform/i18n.ts';
import { DIP_CATEGORIES, type DipCategory } from '../../modules/dip/model.ts';
import type { PublicHit } from '../../modules/dip/queries.ts';
import type { Office } from '../../modules/offices/queries.ts';

// Pieces of the public DIP pages: the query string, the search form, a result.

export const PAGE_SIZE = 20;

export const publicQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  kategori: z.enum(DIP_CATEGORIES).optional().catch(undefined),
  tahun: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  pemilu: z.enum(['1']).optional().catch(undefined),
  hal: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type PublicQueryString = z.output<typeof publicQuery>;

export function queryHref(
  base: string,
  q: PublicQueryString,
  over: Partial<Record<keyof PublicQueryString, string | number | undefined>>,
): string {
  const merged: Record<string, string | number | undefined> = { ...q, ...over };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

export function SearchForm(props: {
  t: Translate;
  action: string;
  q: PublicQueryString;
  years?: number[];
  label: string;
}) {
  const { t, q } = props;
  return (
    <form method="get" action={props.action} class="dip-search" aria-label={props.label}>
      <label for="dip-q">{props.label}</label>
      <small class="hint" id="dip-q-hint">
        {t('dipPublic.searchHint')}
      </small>
      <fieldset role="group">
        <input
          id="dip-q"
          type="search"
          name="q"
          value={q.q ?? ''}
          aria-describedby="dip-q-hint"
          maxLength={200}
        />
        <button type="submit">{t('app.search')}</button>
      </fieldset>
      <div class="grid-2">
        <label>
          {t('dip.field.category')}
          <select name="kategori">
            <option value="">{t('dipPublic.allCategories')}</option>
            {DIP_CATEGORIES.map((c) => (
              <option value={c} selected={q.kategori === c}>
                {t(`dip.category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        {props.years && props.years.length > 0 ? (
          <label>
            {t('dipPublic.year')}
            <select name="tahun">
              {props.years.map((y, i) => (
                <option
                  value={i === 0 ? '' : String(y)}
                  selected={q.tahun === y || (i === 0 && q.tahun === undefined)}
                >
                  {y}
                  {i === 0 ? ` (${t('dipPublic.latest')})` : ''}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <label>
        <input type="checkbox" name="pemilu" value="1" checked={q.pemilu === '1'} />{' '}
        {t('dipPublic.onlyElection')}
      </label>
    </form>
  );
}

export function categoryBadge(t: Translate, c: DipCategory) {
  return <span class={`badge badge-cat badge-${c.toLowerCase()}`}>{t(`dip.category.${c}`)}</span>;
}

export function Hit({
  t,
  hit,
  office,
  showOffice,
}: {
  t: Translate;
  hit: PublicHit;
  office: Office | undefined;
  showOffice: boolean;
}) {
  const href = office ? `/${office.slug}/dip/${hit.year}/${hit.entryKey}` : '#';
  return (
    <li class="dip-hit">
      <a href={href}>
        <strong>{hit.documentTitle}</strong>
      </a>{' '}
      {categoryBadge(t, hit.category)}{' '}
      {hit.isElection ? <span class="badge badge-warn">{t('dip.entry.election')}</span> : null}
      <p>{hit.summary.length > 280 ? `${hit.summary.slice(0, 277)}…` : hit.summary}</p>
      <small class="muted">
        {showOffice && office ? `${office.name} · ` : ''}
        {hit.holdingUnit} · {t('dipPublic.yearOf', { year: hit.year })}
      </small>
    </li>
  );
}

export function Pager({
  t,
  base,
  q,
  total,
}: {
  t: Translate;
  base: string;
  q: PublicQueryString;
  total: number;
}) {
  const page = q.hal ?? 1;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('dipPublic.pages')} class="pager">
      {page > 1 ? <a href={queryHref(base, q, { hal: page - 1 })}>← {t('dipPublic.prev')}</a> : null}
      <span>{t('dipPublic.pageOf', { page, pages })}</span>
      {page < pages ? <a href={queryHref(base, q, { hal: page + 1 })}>{t('dipPublic.next')} →</a> : null}
    </nav>
  );
}
