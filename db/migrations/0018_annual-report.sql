CREATE TABLE "annual_reports" (
	"office_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"texts" jsonb NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"snapshot" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "annual_reports_office_id_year_pk" PRIMARY KEY("office_id","year")
);
