CREATE TABLE "archive_files" (
	"office_id" uuid NOT NULL,
	"archive_item_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" text,
	CONSTRAINT "archive_files_office_id_archive_item_id_file_id_pk" PRIMARY KEY("office_id","archive_item_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "archive_items" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"unit_id" uuid NOT NULL,
	"classification_code" text NOT NULL,
	"retention" text NOT NULL,
	"building" text,
	"room" text,
	"cabinet" text,
	"box" text,
	"access" text NOT NULL,
	"status" text NOT NULL,
	"decision_note" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "archive_items_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
CREATE TABLE "dip_cycle_steps" (
	"office_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"sop_slug" text,
	"sop_step_no" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"actor_label" text NOT NULL,
	"role" text NOT NULL,
	"requirement" text,
	"time_amount" integer,
	"time_unit" text,
	"time_text" text,
	"output" text,
	CONSTRAINT "dip_cycle_steps_office_id_cycle_id_position_pk" PRIMARY KEY("office_id","cycle_id","position")
);
--> statement-breakpoint
CREATE TABLE "dip_cycles" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"current_position" integer,
	"base_version_id" uuid,
	"decree_number" text,
	"decree_date" date,
	"decree_signer_name" text,
	"decree_signer_title" text,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" text,
	"published_at" timestamp with time zone,
	"version_id" uuid,
	CONSTRAINT "dip_cycles_office_id_id_pk" PRIMARY KEY("office_id","id"),
	CONSTRAINT "dip_cycles_year_revision_key" UNIQUE("office_id","year","revision")
);
--> statement-breakpoint
CREATE TABLE "dip_entries" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"entry_key" uuid NOT NULL,
	"status" text NOT NULL,
	"category" text NOT NULL,
	"document_title" text NOT NULL,
	"summary" text NOT NULL,
	"holding_unit" text NOT NULL,
	"responsible_official" text NOT NULL,
	"time_and_place" text NOT NULL,
	"formats" text[] DEFAULT '{}'::text[] NOT NULL,
	"file_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"retention" text NOT NULL,
	"is_election" boolean DEFAULT false NOT NULL,
	"archive_item_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"proposed_by_unit_id" uuid,
	"proposed_by" text,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "dip_entries_office_id_id_pk" PRIMARY KEY("office_id","id"),
	CONSTRAINT "dip_entries_key_key" UNIQUE("office_id","cycle_id","entry_key")
);
--> statement-breakpoint
CREATE TABLE "dip_procedure_steps" (
	"office_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"sop_slug" text,
	"sop_step_no" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"actor_label" text NOT NULL,
	"role" text NOT NULL,
	"requirement" text,
	"time_amount" integer,
	"time_unit" text,
	"time_text" text,
	"output" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "dip_procedure_steps_office_id_position_pk" PRIMARY KEY("office_id","position")
);
--> statement-breakpoint
CREATE TABLE "dip_search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dip_step_runs" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"attempt" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"outcome" text,
	"actor_id" text,
	"actor_label" text,
	"actor_name" text,
	"note" text,
	"output" text,
	"document_number" text,
	"document_to" text,
	"document_subject" text,
	"sent_back_to" integer,
	"elapsed_minutes" integer,
	"met_standard" boolean,
	CONSTRAINT "dip_step_runs_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
CREATE TABLE "dip_version_entries" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"entry_key" uuid NOT NULL,
	"year" integer NOT NULL,
	"position" integer NOT NULL,
	"current" boolean NOT NULL,
	"category" text NOT NULL,
	"document_title" text NOT NULL,
	"summary" text NOT NULL,
	"holding_unit" text NOT NULL,
	"responsible_official" text NOT NULL,
	"time_and_place" text NOT NULL,
	"formats" text[] DEFAULT '{}'::text[] NOT NULL,
	"file_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"retention" text NOT NULL,
	"is_election" boolean DEFAULT false NOT NULL,
	"archive_item_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"proposed_by_unit_id" uuid,
	"proposed_by_unit_name" text,
	"changed_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dip_version_entries_office_id_id_pk" PRIMARY KEY("office_id","id"),
	CONSTRAINT "dip_version_entries_key_key" UNIQUE("office_id","version_id","entry_key")
);
--> statement-breakpoint
CREATE TABLE "dip_versions" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"revision" integer NOT NULL,
	"cycle_id" uuid NOT NULL,
	"decree_number" text,
	"decree_date" date,
	"decree_signer_name" text,
	"decree_signer_title" text,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text,
	"entry_count" integer NOT NULL,
	"current" boolean NOT NULL,
	CONSTRAINT "dip_versions_office_id_id_pk" PRIMARY KEY("office_id","id"),
	CONSTRAINT "dip_versions_year_revision_key" UNIQUE("office_id","year","revision")
);
--> statement-breakpoint
CREATE TABLE "sop_steps" (
	"office_id" uuid NOT NULL,
	"sop_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"step_no" text NOT NULL,
	"description" text NOT NULL,
	"actors" text[] NOT NULL,
	"requirement" text,
	"time_text" text,
	"output" text,
	"remark" text,
	CONSTRAINT "sop_steps_office_id_sop_id_position_pk" PRIMARY KEY("office_id","sop_id","position")
);
--> statement-breakpoint
CREATE TABLE "sops" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"organization" text[] NOT NULL,
	"made_on" text,
	"revised_on" text,
	"effective_on" text,
	"approved_on" text,
	"approver_title" text NOT NULL,
	"approver_name" text,
	"legal_basis" text[] NOT NULL,
	"qualifications" text[] NOT NULL,
	"executor_count" text,
	"related_sops" text[] NOT NULL,
	"equipment" text[] NOT NULL,
	"warnings" text[] NOT NULL,
	"records" text[] NOT NULL,
	"actor_columns" text[] NOT NULL,
	"source_note" text,
	"published" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "sops_office_id_id_pk" PRIMARY KEY("office_id","id"),
	CONSTRAINT "sops_slug_key" UNIQUE("office_id","slug")
);
--> statement-breakpoint
ALTER TABLE "archive_items" ADD CONSTRAINT "archive_items_unit_fk" FOREIGN KEY ("office_id","unit_id") REFERENCES "public"."units"("office_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archive_items_status_idx" ON "archive_items" USING btree ("office_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "dip_cycles_one_active_idx" ON "dip_cycles" USING btree ("office_id") WHERE status = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "dip_entries_cycle_idx" ON "dip_entries" USING btree ("office_id","cycle_id","status");--> statement-breakpoint
CREATE INDEX "dip_search_words_trgm_idx" ON "dip_search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "dip_step_runs_cycle_idx" ON "dip_step_runs" USING btree ("office_id","cycle_id","position");--> statement-breakpoint
CREATE INDEX "dip_version_entries_browse_idx" ON "dip_version_entries" USING btree ("office_id","version_id","category","position");--> statement-breakpoint
CREATE INDEX "dip_version_entries_changed_idx" ON "dip_version_entries" USING btree ("office_id","current","changed_at");