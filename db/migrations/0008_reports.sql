CREATE TABLE "report_dirty_months" (
	"office_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_dirty_months_office_id_year_month_pk" PRIMARY KEY("office_id","year","month")
);
--> statement-breakpoint
CREATE TABLE "report_office_months" (
	"office_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"received" integer NOT NULL,
	"extended" integer NOT NULL,
	"decided" integer NOT NULL,
	"granted_full" integer NOT NULL,
	"granted_partial" integer NOT NULL,
	"refused_exempt" integer NOT NULL,
	"refused_by_ground" jsonb NOT NULL,
	"not_held" integer NOT NULL,
	"not_yet_documented" integer NOT NULL,
	"days_histogram" jsonb NOT NULL,
	"on_time" integer NOT NULL,
	"objections_received" integer NOT NULL,
	"objections_by_ground" jsonb NOT NULL,
	"objections_by_outcome" jsonb NOT NULL,
	"disputes_filed" integer NOT NULL,
	"disputes_by_stage" jsonb NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_office_months_office_id_year_month_pk" PRIMARY KEY("office_id","year","month")
);
