-- Hand-written (drizzle cannot express a generated tsvector column): public search over
-- published DIP entries (ADR 0015). The `indonesian` configuration stems ("permohonan" ->
-- "mohon") but over-stems ("pengadaan" -> "ada"), so the `simple` configuration (words as
-- written) is indexed too; the query asks both. The title weighs most (A), the summary next
-- (B), the holding unit least (D). Only the current version of each office is searched
-- nationally, so the index is partial; typos are corrected through dip_search_words (migration 0003).
ALTER TABLE "dip_version_entries" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('indonesian'::regconfig, "document_title"), 'A') ||
  setweight(to_tsvector('simple'::regconfig, "document_title"), 'A') ||
  setweight(to_tsvector('indonesian'::regconfig, "summary"), 'B') ||
  setweight(to_tsvector('simple'::regconfig, "summary"), 'B') ||
  setweight(to_tsvector('simple'::regconfig, "holding_unit"), 'D')
) STORED;
--> statement-breakpoint
CREATE INDEX "dip_version_entries_search_idx" ON "dip_version_entries" USING gin ("search") WHERE "current";
