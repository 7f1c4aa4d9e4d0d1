import type { ComponentChildren } from 'preact';
import type { Translate } from '../../platform/i18n.ts';

// The one shape of a staff or portal table: a scrollable, focusable region (keyboard users can
// scroll a wide table), a header row of column labels and a row per item. Columns are data, so a
// page says what it shows and not again how a table is built.

export interface Column<T> {
  label: ComponentChildren;
  /** Figures: right-aligned (`num` on the header and the cells). */
  num?: boolean;
  cell: (row: T) => ComponentChildren;
}

/** A column list; `false`/`null` entries (a column shown only to some) are left out. */
export type Columns<T> = readonly (Column<T> | false | null | undefined)[];

/** What a screen reader calls the scroll region: `label`, or else the translated "table, scrolls sideways". */
type RegionLabel = { t: Translate; label?: string } | { t?: undefined; label: string };

export function DataTable<T>(
  props: RegionLabel & {
    rows: readonly T[];
    columns: Columns<T>;
    caption?: ComponentChildren;
    tableClass?: string;
    wrapClass?: string;
    /** Attributes of a row (an anchor id, a test id, a row class). */
    rowAttrs?: (row: T) => { id?: string; class?: string; 'data-testid'?: string };
  },
) {
  const columns = props.columns.filter((c): c is Column<T> => Boolean(c));
  const num = (c: Column<T>) => (c.num ? 'num' : undefined);
  return (
    <div
      class={props.wrapClass ? `table-wrap ${props.wrapClass}` : 'table-wrap'}
      tabIndex={0}
      role="region"
      aria-label={props.label ?? props.t?.('app.tableScroll')}
    >
      <table class={props.tableClass}>
        {props.caption ? <caption>{props.caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={num(c)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr {...(props.rowAttrs?.(row) ?? {})}>
              {columns.map((c) => (
                <td class={num(c)}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
