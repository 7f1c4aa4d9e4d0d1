CREATE TABLE "redaction_marks" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"redaction_id" uuid NOT NULL,
	"page" integer NOT NULL,
	"x0" real NOT NULL,
	"y0" real NOT NULL,
	"x1" real NOT NULL,
	"y1" real NOT NULL,
	"origin" text NOT NULL,
	"detector" text,
	"label" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"ground" text,
	"sub_point" integer,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	CONSTRAINT "redaction_marks_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
CREATE TABLE "redaction_pages" (
	"office_id" uuid NOT NULL,
	"redaction_id" uuid NOT NULL,
	"page" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"width_pt" real NOT NULL,
	"height_pt" real NOT NULL,
	"width_px" integer NOT NULL,
	"height_px" integer NOT NULL,
	CONSTRAINT "redaction_pages_office_id_redaction_id_page_pk" PRIMARY KEY("office_id","redaction_id","page")
);
--> statement-breakpoint
CREATE TABLE "redactions" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"source_file_id" uuid NOT NULL,
	"original_file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"page_count" integer DEFAULT 0 NOT NULL,
	"pages_done" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"result_file_id" uuid,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"applied_at" timestamp with time zone,
	"applied_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "redactions_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
CREATE INDEX "redaction_marks_redaction_idx" ON "redaction_marks" USING btree ("office_id","redaction_id","page");--> statement-breakpoint
CREATE INDEX "redactions_subject_idx" ON "redactions" USING btree ("office_id","subject","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "redactions_source_key" ON "redactions" USING btree ("office_id","subject","subject_id","source_file_id") WHERE status <> 'FAILED';