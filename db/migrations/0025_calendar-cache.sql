-- Staff pages and use cases read an office's working-day calendar from the generation cache
-- (ADR 0104), so a write to national holidays, the confirmed holiday years or an office's
-- closures bumps the generation in the writing transaction (ADR 0072's function): a new
-- holiday counts from its commit on, in every process.
CREATE TRIGGER "holidays_cache_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "holidays" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_generation"();
--> statement-breakpoint
CREATE TRIGGER "holiday_years_cache_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "holiday_years" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_generation"();
--> statement-breakpoint
CREATE TRIGGER "office_closures_cache_generation" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "office_closures" FOR EACH STATEMENT EXECUTE FUNCTION "bump_cache_generation"();
