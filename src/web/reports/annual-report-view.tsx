import type { Section } from '../../modules/reports/annual-report-document.ts';
import { ChartFigure } from './report-charts.tsx';

// The six parts of the annual report on a page (public and staff), from the same document
// model as the PDF and the DOCX: text, tables, and each chart with its table.

export function AnnualReportBody({ sections }: { sections: Section[] }) {
  return (
    <div class="annual-report">
      {sections.map((s) => (
        <section id={`bagian-${s.id}`}>
          <h2>{s.heading}</h2>
          {s.blocks.map((b) =>
            b.kind === 'text' ? (
              b.text.split(/\n+/).map((p) => <p>{p}</p>)
            ) : b.kind === 'table' ? (
              <div class="table-wrap" tabIndex={0} role="region" aria-label={b.caption}>
                <table>
                  <caption>{b.caption}</caption>
                  <thead>
                    <tr>
                      {b.headers.map((h, i) => (
                        <th scope="col" class={i > 0 && b.headers.length === 2 ? 'num' : undefined}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.map((r) => (
                      <tr>
                        {r.map((c, i) =>
                          i === 0 ? (
                            <th scope="row">{c}</th>
                          ) : (
                            <td class={b.headers.length === 2 ? 'num' : undefined}>{c}</td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              b.charts.map((c) => <ChartFigure chart={c} />)
            ),
          )}
        </section>
      ))}
    </div>
  );
}
