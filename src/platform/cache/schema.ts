import { bigint, pgTable, smallint } from 'drizzle-orm/pg-core';

// One row: the generation of the reference data the public pages cache in each process
// (offices, office settings, published DIP versions and entries, the typo words, the DIK).
// Statement triggers on those tables add one to `n` in the writing transaction, so a reader
// sees the new number exactly when it can see the new rows (ADR 0072).
export const cacheGeneration = pgTable('cache_generation', {
  id: smallint('id').primaryKey(),
  n: bigint('n', { mode: 'number' }).notNull(),
});
