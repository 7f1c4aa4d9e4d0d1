// Costs a requester bears (regulation.md §3.6): the service is free; actual copying and
// delivery costs may be charged (UU 14/2008 Pasal 21 "biaya ringan"; an unreasonable fee is a
// ground for objection, Pasal 35(1)f). Amounts are whole rupiah.

export const FEE_KINDS = ['COPY_HARDCOPY', 'COPY_SOFTCOPY', 'RECORDING', 'DELIVERY', 'OTHER'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

export interface FeeItem {
  kind: FeeKind;
  description: string;
  quantity: number;
  unitPrice: number;
}

export interface PricedFeeItem extends FeeItem {
  amount: number;
  /** The price was set to zero by the office rule that electronic copies are free. */
  waived: boolean;
}

export interface FeeRules {
  softcopyFree: boolean;
}

export const MAX_QUANTITY = 100_000;
export const MAX_UNIT_PRICE = 10_000_000;

export function priceFees(
  items: readonly FeeItem[],
  rules: FeeRules,
): { items: PricedFeeItem[]; total: number } {
  const priced = items.map((item) => {
    if (!Number.isInteger(item.quantity) || item.quantity < 0 || item.quantity > MAX_QUANTITY) {
      throw new RangeError(`quantity must be a whole number from 0 to ${MAX_QUANTITY}`);
    }
    if (!Number.isInteger(item.unitPrice) || item.unitPrice < 0 || item.unitPrice > MAX_UNIT_PRICE) {
      throw new RangeError(`unit price must be whole rupiah from 0 to ${MAX_UNIT_PRICE}`);
    }
    const waived = rules.softcopyFree && item.kind === 'COPY_SOFTCOPY' && item.unitPrice > 0;
    const unitPrice = waived ? 0 : item.unitPrice;
    return { ...item, unitPrice, amount: item.quantity * unitPrice, waived };
  });
  return { items: priced, total: priced.reduce((sum, i) => sum + i.amount, 0) };
}

/** A first proposal for the desk: one line per copy form the requester asked for. */
export function suggestFeeItems(
  accessMethods: readonly string[],
  deliveryMethod: string,
  rules: FeeRules & { copyFeePerPage: number },
): FeeItem[] {
  const items: FeeItem[] = [];
  if (accessMethods.includes('SALINAN_HARDCOPY')) {
    items.push({
      kind: 'COPY_HARDCOPY',
      description: 'Penggandaan (fotokopi) per lembar',
      quantity: 0,
      unitPrice: rules.copyFeePerPage,
    });
  }
  if (accessMethods.includes('SALINAN_SOFTCOPY') && !rules.softcopyFree) {
    items.push({ kind: 'COPY_SOFTCOPY', description: 'Salinan elektronik', quantity: 1, unitPrice: 0 });
  }
  if (deliveryMethod === 'POS') {
    items.push({ kind: 'DELIVERY', description: 'Biaya pengiriman pos', quantity: 1, unitPrice: 0 });
  }
  return items;
}
