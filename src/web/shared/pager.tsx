import type { Translate } from '../../platform/i18n.ts';

/**
 * "Showing 51–100 of 1 234" and links to the first, nearby and last pages, previous and next,
 * under one `nav`: the paging of every staff list. Nothing when there are no rows.
 * `rangeKey` names what is counted (`{from}`, `{to}`, `{total}`).
 */
export function Pager({
  t,
  href,
  page,
  total,
  pageSize,
  rangeKey = 'worklist.range',
}: {
  t: Translate;
  href: (page: number) => string;
  page: number;
  total: number;
  pageSize: number;
  rangeKey?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  const from = Math.min((page - 1) * pageSize + 1, total);
  const to = Math.min(page * pageSize, total);
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return (
    <nav class="pager" aria-label={t('worklist.pages')}>
      <p data-testid="worklist-range">{t(rangeKey, { from, to, total })}</p>
      {pages > 1 ? (
        <ul>
          {page > 1 ? (
            <li>
              <a href={href(Math.min(page - 1, pages))} rel="prev">
                {t('worklist.prev')}
              </a>
            </li>
          ) : null}
          {shown.map((n) => (
            <li>
              {n === page ? (
                <span aria-current="page">{n}</span>
              ) : (
                <a href={href(n)} aria-label={t('worklist.page', { n })}>
                  {n}
                </a>
              )}
            </li>
          ))}
          {page < pages ? (
            <li>
              <a href={href(page + 1)} rel="next">
                {t('worklist.next')}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </nav>
  );
}

/** A column header that sorts the list by its column (and the other way when it already does). */
export function SortHeader<S extends string>({
  t,
  label,
  column,
  sort,
  href,
}: {
  t: Translate;
  label: string;
  column: S | null;
  sort?: { by: S; dir: 'asc' | 'desc' } | undefined;
  href?: ((sort: S) => string) | undefined;
}) {
  if (!column || !href) return <th scope="col">{label}</th>;
  const active = sort?.by === column;
  const dir = active ? sort.dir : undefined;
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={href(column)} aria-label={t('worklist.sortBy', { column: label })}>
        {label}
        {active ? <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
      </a>
    </th>
  );
}

/**
 * The search box of a staff list: label, optional hint and the `q` input, with the ids the
 * lists' forms and journeys use (`f-q`, `f-q-hint`).
 */
export function ListSearchField(props: { label: string; hint?: string; value: string }) {
  return (
    <div class="field">
      <label for="f-q">{props.label}</label>
      {props.hint ? (
        <small id="f-q-hint" class="hint">
          {props.hint}
        </small>
      ) : null}
      <input
        id="f-q"
        type="search"
        name="q"
        value={props.value}
        maxLength={100}
        aria-describedby={props.hint ? 'f-q-hint' : undefined}
        autocomplete="off"
      />
    </div>
  );
}
