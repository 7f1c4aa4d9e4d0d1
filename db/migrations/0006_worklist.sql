CREATE TABLE "request_saved_filters" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"shared" boolean NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_saved_filters_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "phone_e164" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "assigned_user_id" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "assigned_name" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "request_saved_filters_owner_idx" ON "request_saved_filters" USING btree ("office_id","created_by");--> statement-breakpoint
CREATE INDEX "requests_assigned_idx" ON "requests" USING btree ("office_id","assigned_user_id","status");--> statement-breakpoint
CREATE INDEX "requests_phone_idx" ON "requests" USING btree ("office_id","phone_e164");