import { z } from 'zod';

/** A repeated form field (checkboxes, multi-select) or a JSON array: one value becomes a list of one. */
export function toList(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? (v as unknown[]) : [v];
}

export function listOf<T extends z.ZodType>(item: T, min: number, max: number) {
  return z.preprocess(toList, z.array(item).min(min).max(max));
}
