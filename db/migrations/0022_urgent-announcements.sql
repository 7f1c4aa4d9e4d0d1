CREATE TABLE "urgent_announcements" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"threat" text NOT NULL,
	"affected" text NOT NULL,
	"what_to_do" text NOT NULL,
	"evacuation_place" text,
	"help" text NOT NULL,
	"announcer" text NOT NULL,
	"mitigation" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	"end_note" text,
	CONSTRAINT "urgent_announcements_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
CREATE INDEX "urgent_announcements_published_idx" ON "urgent_announcements" USING btree ("office_id","published_at");