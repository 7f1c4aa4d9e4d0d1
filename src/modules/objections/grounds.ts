// Grounds for an objection (keberatan), UU 14/2008 Pasal 35(1) a–g; restated by Perki 1/2021
// Pasal 39. Grounds b–g may be settled by agreement (musyawarah) — Pasal 35(2).
export const OBJECTION_GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
export type ObjectionGround = (typeof OBJECTION_GROUNDS)[number];

/** The code name of each ground (docs/glossary.md). */
export const GROUND_CODE: Record<ObjectionGround, string> = {
  a: 'REFUSED_AS_EXEMPT',
  b: 'PERIODIC_INFORMATION_NOT_PROVIDED',
  c: 'REQUEST_NOT_ANSWERED',
  d: 'ANSWERED_OTHER_THAN_ASKED',
  e: 'REQUEST_NOT_FULFILLED',
  f: 'UNREASONABLE_FEE',
  g: 'DELIVERED_LATE',
};

/** Pasal 35(2): only grounds b–g can be settled by agreement of the parties. */
export function settleableByAgreement(grounds: readonly ObjectionGround[]): boolean {
  return grounds.length > 0 && grounds.every((g) => g !== 'a');
}
