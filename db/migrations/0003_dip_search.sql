-- Hand-written (drizzle cannot express these): public search over published DIP entries
-- (ADR 0015). The `indonesian` configuration stems ("permohonan" -> "mohon") but over-stems
-- ("pengadaan" -> "ada"), so the `simple` configuration (words as written) is indexed too;
-- the query asks both. The title weighs most (A), the summary next (B), the holding unit
-- least (D). Trigram indexes (pg_trgm, created in 0001) catch typos. Only the current
-- revision of each year is ever searched, so the indexes are partial.
ALTER TABLE "dip_version_entries" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('indonesian'::regconfig, "document_title"), 'A') ||
  setweight(to_tsvector('simple'::regconfig, "document_title"), 'A') ||
  setweight(to_tsvector('indonesian'::regconfig, "summary"), 'B') ||
  setweight(to_tsvector('simple'::regconfig, "summary"), 'B') ||
  setweight(to_tsvector('simple'::regconfig, "holding_unit"), 'D')
) STORED;
--> statement-breakpoint
ALTER TABLE "dip_version_entries" ADD COLUMN "search_text" text GENERATED ALWAYS AS ("document_title" || ' ' || "summary") STORED;
--> statement-breakpoint
CREATE INDEX "dip_version_entries_search_idx" ON "dip_version_entries" USING gin ("search") WHERE "current";
--> statement-breakpoint
CREATE INDEX "dip_version_entries_trgm_idx" ON "dip_version_entries" USING gin ("search_text" gin_trgm_ops) WHERE "current";
