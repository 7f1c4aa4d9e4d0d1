CREATE TABLE "disputes" (
	"office_id" uuid NOT NULL,
	"objection_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"commission" text NOT NULL,
	"commission_name" text NOT NULL,
	"registration_number" text NOT NULL,
	"filed_on" date NOT NULL,
	"filed_late" boolean NOT NULL,
	"mediation_started_on" date,
	"mediation_ended_on" date,
	"mediation_result" text,
	"mediation_note" text,
	"adjudication_decided_on" date,
	"adjudication_number" text,
	"adjudication_ruling" text,
	"adjudication_note" text,
	"court" text,
	"court_appellant" text,
	"court_case_number" text,
	"court_filed_on" date,
	"court_decided_on" date,
	"court_ruling" text,
	"court_note" text,
	"cassation_case_number" text,
	"cassation_filed_on" date,
	"cassation_decided_on" date,
	"cassation_ruling" text,
	"cassation_note" text,
	"outcome" text,
	"outcome_on" date,
	"outcome_note" text,
	"request_reopened" boolean DEFAULT false NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disputes_office_id_objection_id_pk" PRIMARY KEY("office_id","objection_id")
);
--> statement-breakpoint
CREATE TABLE "objection_counters" (
	"office_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "objection_counters_office_id_year_pk" PRIMARY KEY("office_id","year")
);
--> statement-breakpoint
CREATE TABLE "objection_decisions" (
	"office_id" uuid NOT NULL,
	"objection_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reasons" text,
	"order" text,
	"order_days" integer,
	"request_due_date" date,
	"decided_at" timestamp with time zone NOT NULL,
	"decided_by" text NOT NULL,
	"officer_name" text NOT NULL,
	"officer_nip" text,
	"officer_position" text NOT NULL,
	"issued_by" jsonb NOT NULL,
	CONSTRAINT "objection_decisions_office_id_objection_id_pk" PRIMARY KEY("office_id","objection_id")
);
--> statement-breakpoint
CREATE TABLE "objection_documents" (
	"office_id" uuid NOT NULL,
	"objection_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "objection_documents_office_id_objection_id_file_id_pk" PRIMARY KEY("office_id","objection_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "objection_events" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"objection_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_label" text NOT NULL,
	"public" boolean NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "objection_events_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"intake_by" text NOT NULL,
	"intake_officer_name" text NOT NULL,
	"request_id" uuid NOT NULL,
	"request_round" integer NOT NULL,
	"request_number" text NOT NULL,
	"information_requested" text NOT NULL,
	"purpose" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_address" text NOT NULL,
	"requester_occupation" text,
	"requester_phone" text,
	"requester_email" text,
	"attorney_name" text,
	"attorney_address" text,
	"attorney_phone" text,
	"grounds" text[] NOT NULL,
	"case_description" text NOT NULL,
	"ground_windows" jsonb NOT NULL,
	"late" boolean NOT NULL,
	"late_grounds" text[] NOT NULL,
	"deadline_profile" text NOT NULL,
	"answer_days" integer NOT NULL,
	"received_on" date NOT NULL,
	"due_date" date NOT NULL,
	"due_explanation" jsonb NOT NULL,
	"decided_at" timestamp with time zone,
	"lapsed_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"settlement" text,
	"settled_by" text,
	"reaction" text,
	"reaction_at" timestamp with time zone,
	"reaction_note" text,
	"dispute_deadline" date,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"closed_at" timestamp with time zone,
	"issued_by" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "objections_office_id_id_pk" PRIMARY KEY("office_id","id"),
	CONSTRAINT "objections_number_key" UNIQUE("office_id","number"),
	CONSTRAINT "objections_seq_key" UNIQUE("office_id","year","seq")
);
--> statement-breakpoint
ALTER TABLE "request_decisions" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "request_deliveries" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "disputes_stage_idx" ON "disputes" USING btree ("office_id","stage");--> statement-breakpoint
CREATE INDEX "objection_events_objection_idx" ON "objection_events" USING btree ("office_id","objection_id","at");--> statement-breakpoint
CREATE INDEX "objections_due_idx" ON "objections" USING btree ("office_id","status","due_date");--> statement-breakpoint
CREATE INDEX "objections_request_idx" ON "objections" USING btree ("office_id","request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "objections_one_open_per_request" ON "objections" USING btree ("office_id","request_id") WHERE status in ('REGISTERED', 'LAPSED', 'DISPUTED');