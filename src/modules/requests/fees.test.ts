import { describe, expect, it } from 'vitest';
import { priceFees, suggestFeeItems, type FeeItem } from './fees.ts';

const item = (kind: FeeItem['kind'], quantity: number, unitPrice: number): FeeItem => ({
  kind,
  description: kind,
  quantity,
  unitPrice,
});

describe('fee arithmetic', () => {
  it.each([
    { name: 'nothing owed', items: [], softcopyFree: true, total: 0, amounts: [] },
    {
      name: '37 pages at Rp500',
      items: [item('COPY_HARDCOPY', 37, 500)],
      softcopyFree: true,
      total: 18_500,
      amounts: [18_500],
    },
    {
      name: 'copies plus postage',
      items: [item('COPY_HARDCOPY', 120, 500), item('DELIVERY', 1, 21_000)],
      softcopyFree: true,
      total: 81_000,
      amounts: [60_000, 21_000],
    },
    {
      name: 'softcopy waived by the office rule',
      items: [item('COPY_SOFTCOPY', 2, 5_000)],
      softcopyFree: true,
      total: 0,
      amounts: [0],
    },
    {
      name: 'softcopy charged when the office charges it',
      items: [item('COPY_SOFTCOPY', 2, 5_000)],
      softcopyFree: false,
      total: 10_000,
      amounts: [10_000],
    },
    {
      name: 'a CD recording',
      items: [item('RECORDING', 1, 15_000), item('OTHER', 0, 9_999)],
      softcopyFree: true,
      total: 15_000,
      amounts: [15_000, 0],
    },
    {
      name: 'large but exact',
      items: [item('COPY_HARDCOPY', 100_000, 10_000_000)],
      softcopyFree: true,
      total: 1_000_000_000_000,
      amounts: [1_000_000_000_000],
    },
  ])('$name → Rp$total', ({ items, softcopyFree, total, amounts }) => {
    const priced = priceFees(items, { softcopyFree });
    expect(priced.total).toBe(total);
    expect(priced.items.map((i) => i.amount)).toEqual(amounts);
  });

  it('marks waived lines so the notice can say why they cost nothing', () => {
    const priced = priceFees([item('COPY_SOFTCOPY', 1, 2_000), item('COPY_HARDCOPY', 1, 500)], {
      softcopyFree: true,
    });
    expect(priced.items.map((i) => i.waived)).toEqual([true, false]);
  });

  it.each([
    [item('COPY_HARDCOPY', -1, 500)],
    [item('COPY_HARDCOPY', 1.5, 500)],
    [item('COPY_HARDCOPY', 1, 500.5)],
    [item('COPY_HARDCOPY', 1, -500)],
    [item('COPY_HARDCOPY', 100_001, 1)],
    [item('DELIVERY', 1, 10_000_001)],
  ])('refuses %o', (bad) => {
    expect(() => priceFees([bad], { softcopyFree: true })).toThrow(RangeError);
  });

  it('proposes a copying line for hardcopy and postage for delivery by post, nothing for softcopy by email', () => {
    const rules = { softcopyFree: true, copyFeePerPage: 500 };
    expect(suggestFeeItems(['SALINAN_HARDCOPY'], 'POS', rules).map((i) => [i.kind, i.unitPrice])).toEqual([
      ['COPY_HARDCOPY', 500],
      ['DELIVERY', 0],
    ]);
    expect(suggestFeeItems(['SALINAN_SOFTCOPY'], 'EMAIL', rules)).toEqual([]);
  });
});
