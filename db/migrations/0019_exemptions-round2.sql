ALTER TABLE "archive_items" ADD COLUMN "exemption_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "archive_items" ADD COLUMN "exemption_entry_office_id" uuid;