-- The office page (cached per generation, ADR 0072) shows the serta-merta announcements in
-- force, so a write to them bumps the generation in the writing transaction: an announcement
-- is on the page from its commit on (UU 14/2008 Pasal 10, "serta-merta").
CREATE TRIGGER "urgent_announcements_cache_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "urgent_announcements" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_generation"();
