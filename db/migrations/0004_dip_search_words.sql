CREATE TABLE "dip_search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dip_search_words_trgm_idx" ON "dip_search_words" USING gin ("word" gin_trgm_ops);