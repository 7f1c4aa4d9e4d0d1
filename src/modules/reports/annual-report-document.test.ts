import { describe, expect, it } from 'vitest';
import { interpolate, type Translate } from '../../platform/i18n.ts';
import { emptyTexts } from './annual-report-input.ts';
import {
  annualReportDueDate,
  annualReportSections,
  type AnnualReportSnapshot,
} from './annual-report-document.ts';
import { sumFigures } from './figures.ts';

// Keys stand for the messages (the catalog is the web layer's); the placeholder of an empty part has its own key.
const t: Translate = (key, params) =>
  params
    ? `${key}:${interpolate(
        Object.keys(params)
          .map((k) => `{${k}}`)
          .join(','),
        params,
      )}`
    : key;
const row = (month: number, received: number, notHeld: number) => ({
  month,
  received,
  extended: 0,
  decided: received,
  grantedFull: received - notHeld,
  grantedPartial: 0,
  refusedExempt: 0,
  refusedByGround: {},
  notHeld,
  notYetDocumented: 0,
  daysHistogram: { '3': received },
  onTime: received,
  objectionsReceived: 0,
  objectionsByGround: {},
  objectionsByOutcome: {},
  disputesFiled: 0,
  disputesByStage: {},
});
const snapshot = (
  rows: ReturnType<typeof row>[],
  people: AnnualReportSnapshot['people'] = [],
): AnnualReportSnapshot => ({
  officeName: 'KPU Kota Contoh',
  year: 2025,
  figures: sumFigures(rows),
  people,
  approvedBy: 'Atasan',
  approvedOn: '2026-02-20',
});
const cell = (sections: ReturnType<typeof annualReportSections>, id: string, label: string) => {
  for (const b of sections.find((s) => s.id === id)!.blocks)
    if (b.kind === 'table') for (const r of b.rows) if (r[0] === label) return r[1];
  return undefined;
};

describe('annual report document', () => {
  it.each([
    [2025, '2026-03-31'],
    [2024, '2025-03-31'],
  ])('the report of %i is due %s (three months after the budget year)', (year, due) => {
    expect(annualReportDueDate(year)).toBe(due);
  });

  it.each([
    { rows: [row(1, 3, 1), row(5, 2, 0)], received: '5', refused: '1', notHeld: '1' },
    { rows: [], received: '0', refused: '0', notHeld: '0' },
  ])(
    'has the six parts with the figures of the records (received $received)',
    ({ rows, received, refused, notHeld }) => {
      const s = annualReportSections(snapshot(rows), emptyTexts(), t, 'id');
      expect(s.map((x) => x.id)).toEqual([
        'policy',
        'implementation',
        'service',
        'disputes',
        'obstacles',
        'recommendations',
      ]);
      expect(cell(s, 'service', 'reports.fig.received')).toBe(received);
      expect(cell(s, 'service', 'reports.fig.refused')).toBe(refused);
      expect(cell(s, 'service', 'reports.outcome.notHeld')).toBe(notHeld);
    },
  );

  it('shows unwritten parts as such and lists the people with their decree', () => {
    const texts = { ...emptyTexts(), policy: 'Kebijakan kami.' };
    const s = annualReportSections(
      snapshot([], [{ name: 'Rina', role: 'PPID', decreeNumber: 'SK/1/2025', decreeDate: null }]),
      texts,
      t,
      'id',
    );
    expect(s[0]!.blocks).toEqual([{ kind: 'text', text: 'Kebijakan kami.' }]);
    expect(s[5]!.blocks).toEqual([{ kind: 'text', text: 'annual.empty' }]);
    expect(cell(s, 'implementation', 'Rina')).toBe('role.PPID');
  });
});
