CREATE TABLE "exemption_approvals" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "exemption_approvals_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"role" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"user_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "exemption_approvals_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
CREATE TABLE "exemption_decrees" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"number" text NOT NULL,
	"decree_date" date NOT NULL,
	"title" text NOT NULL,
	"official_name" text NOT NULL,
	"official_position" text NOT NULL,
	"reasons" text NOT NULL,
	"reach" text NOT NULL,
	"office_path" text NOT NULL,
	"test_ids" uuid[] NOT NULL,
	"chain" text[] NOT NULL,
	"approved_steps" integer DEFAULT 0 NOT NULL,
	"activated_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"revoke_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exemption_decrees_office_id_id_pk" PRIMARY KEY("office_id","id"),
	CONSTRAINT "exemption_decrees_number_key" UNIQUE("office_id","number")
);
--> statement-breakpoint
CREATE TABLE "exemption_entries" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"decree_id" uuid NOT NULL,
	"status" text NOT NULL,
	"information" text NOT NULL,
	"holder_unit" text,
	"ground" text NOT NULL,
	"sub_point" integer,
	"legal_basis" text NOT NULL,
	"consideration" text NOT NULL,
	"whole" boolean NOT NULL,
	"period_until" date,
	"period_condition" text,
	"test_id" uuid,
	"reach_path" text,
	"search_text" text NOT NULL,
	"ended_at" timestamp with time zone,
	"dip_entry_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exemption_entries_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
CREATE TABLE "exemption_reviews" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"reviewed_on" date NOT NULL,
	"note" text NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "exemption_reviews_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
CREATE TABLE "exemption_tests" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"document_kind" text NOT NULL,
	"archive_item_id" uuid,
	"dip_entry_key" text,
	"document_description" text NOT NULL,
	"information" text NOT NULL,
	"ground" text NOT NULL,
	"sub_point" integer,
	"other_statute" text,
	"harm_analysis" text NOT NULL,
	"public_interest" text NOT NULL,
	"propriety" text NOT NULL,
	"closed" boolean NOT NULL,
	"whole" boolean NOT NULL,
	"period_until" date,
	"period_condition" text,
	"occasion" text NOT NULL,
	"request_id" uuid,
	"objection_id" uuid,
	"place" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" jsonb NOT NULL,
	"chain" text[] NOT NULL,
	"approved_steps" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exemption_tests_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
ALTER TABLE "request_decisions" ADD COLUMN "exemption_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "request_decisions" ADD COLUMN "exemption_entry_office_id" uuid;--> statement-breakpoint
ALTER TABLE "request_decisions" ADD COLUMN "exemption_test_id" uuid;--> statement-breakpoint
CREATE INDEX "exemption_approvals_subject_idx" ON "exemption_approvals" USING btree ("office_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "exemption_decrees_status_idx" ON "exemption_decrees" USING btree ("office_id","status");--> statement-breakpoint
CREATE INDEX "exemption_entries_decree_idx" ON "exemption_entries" USING btree ("office_id","decree_id");--> statement-breakpoint
CREATE INDEX "exemption_entries_status_idx" ON "exemption_entries" USING btree ("office_id","status","period_until");--> statement-breakpoint
CREATE INDEX "exemption_entries_reach_idx" ON "exemption_entries" USING btree ("reach_path","status");--> statement-breakpoint
CREATE INDEX "exemption_entries_expiry_idx" ON "exemption_entries" USING btree ("status","period_until");--> statement-breakpoint
CREATE INDEX "exemption_tests_status_idx" ON "exemption_tests" USING btree ("office_id","status");--> statement-breakpoint
CREATE INDEX "exemption_tests_request_idx" ON "exemption_tests" USING btree ("office_id","request_id");