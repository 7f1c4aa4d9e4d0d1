import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../platform/i18n.ts';
import { catalog } from '../i18n/catalog.ts';
import { DataTable } from './data-table.tsx';

const t = createTranslate(catalog, 'id');

describe('DataTable', () => {
  const rows = [
    { id: 'a', name: 'Satu', n: 1 },
    { id: 'b', name: 'Dua', n: 2 },
  ];

  it('draws the labelled scroll region, a header per shown column and a cell per row and column', () => {
    const html = render(
      <DataTable
        t={t}
        caption="Daftar"
        tableClass="striped"
        rows={rows}
        rowAttrs={(r) => ({ 'data-testid': `row-${r.id}` })}
        columns={[
          { label: 'Nama', cell: (r) => r.name },
          false,
          null,
          { label: 'Jumlah', num: true, cell: (r) => r.n },
        ]}
      />,
    );
    expect(html).toContain(
      `<div class="table-wrap" tabindex="0" role="region" aria-label="${t('app.tableScroll')}">`,
    );
    expect(html).toContain('<table class="striped"><caption>Daftar</caption>');
    expect(html).toContain(
      '<thead><tr><th scope="col">Nama</th><th scope="col" class="num">Jumlah</th></tr></thead>',
    );
    expect(html).toContain('<tr data-testid="row-a"><td>Satu</td><td class="num">1</td></tr>');
    expect(html).toContain('<tr data-testid="row-b"><td>Dua</td><td class="num">2</td></tr>');
    expect(html.match(/<th /g)).toHaveLength(2);
  });

  it('takes a label for the region and a class for the wrapper, and draws no caption when none is given', () => {
    const html = render(
      <DataTable
        label="Register"
        wrapClass="register"
        rows={rows}
        columns={[{ label: 'Nama', cell: (r) => r.name }]}
      />,
    );
    expect(html).toContain(
      '<div class="table-wrap register" tabindex="0" role="region" aria-label="Register"><table><thead>',
    );
    expect(html).not.toContain('<caption');
  });
});
