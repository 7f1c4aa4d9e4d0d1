-- The generation of the reference data the web processes cache (ADR 0072): one row, bumped by a
-- statement trigger on every write to a cached table, inside the writing transaction — so the
-- new number becomes visible together with the new rows. The row is made by the first write and
-- starts at a random number, so a database created again under a running process never repeats a
-- generation it cached; without the row (an empty database, or one being restored, which needs
-- every table empty) nothing is cached.
CREATE OR REPLACE FUNCTION "bump_cache_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "cache_generation" ("id", "n") VALUES (1, floor(random() * 1e12)::bigint)
    ON CONFLICT ("id") DO UPDATE SET "n" = "cache_generation"."n" + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "offices_cache_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "offices" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_generation"();
--> statement-breakpoint
CREATE TRIGGER "office_settings_cache_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "office_settings" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_generation"();
--> statement-breakpoint
CREATE TRIGGER "dip_versions_cache_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "dip_versions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_generation"();
--> statement-breakpoint
CREATE TRIGGER "dip_version_entries_cache_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "dip_version_entries" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_generation"();
--> statement-breakpoint
CREATE TRIGGER "dip_search_words_cache_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "dip_search_words" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_generation"();
--> statement-breakpoint
CREATE TRIGGER "exemption_decrees_cache_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "exemption_decrees" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_generation"();
--> statement-breakpoint
CREATE TRIGGER "exemption_entries_cache_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "exemption_entries" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_generation"();
