CREATE TABLE "request_counters" (
	"office_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "request_counters_office_id_year_pk" PRIMARY KEY("office_id","year")
);
--> statement-breakpoint
CREATE TABLE "request_decisions" (
	"office_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"decided_by" text NOT NULL,
	"officer_name" text NOT NULL,
	"officer_nip" text,
	"officer_title" text NOT NULL,
	"at_desk" boolean DEFAULT false NOT NULL,
	"information_held" boolean NOT NULL,
	"holder_body" text,
	"material_description" text,
	"forms" text[] NOT NULL,
	"provision_time" text,
	"redacted_parts" text,
	"redaction_reason" text,
	"exemption_ground" text,
	"exemption_sub_point" text,
	"legal_basis" text,
	"harm_analysis" text,
	"public_interest_analysis" text,
	"exemption_period" text,
	"test_participants" text,
	"documented_by" date,
	"delivery_method" text NOT NULL,
	"explanation" text,
	"fee_total" bigint NOT NULL,
	"issued_by" jsonb NOT NULL,
	CONSTRAINT "request_decisions_office_id_request_id_pk" PRIMARY KEY("office_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "request_deliveries" (
	"office_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"recipient_name" text NOT NULL,
	"items" text NOT NULL,
	"note" text,
	"delivered_by" text NOT NULL,
	"officer_name" text NOT NULL,
	"download_until" timestamp with time zone,
	"issued_by" jsonb NOT NULL,
	CONSTRAINT "request_deliveries_office_id_request_id_pk" PRIMARY KEY("office_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "request_disposition_files" (
	"office_id" uuid NOT NULL,
	"disposition_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "request_disposition_files_office_id_disposition_id_file_id_pk" PRIMARY KEY("office_id","disposition_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "request_dispositions" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"instruction" text NOT NULL,
	"internal_due_date" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" text NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"answer_notes" text,
	"information_held" boolean,
	CONSTRAINT "request_dispositions_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_download_links" (
	"office_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"request_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"downloads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "request_download_links_office_id_token_hash_pk" PRIMARY KEY("office_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"office_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_label" text NOT NULL,
	"public" boolean NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "request_events_office_id_id_pk" PRIMARY KEY("office_id","id")
);
--> statement-breakpoint
CREATE TABLE "request_extensions" (
	"office_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"previous_due_date" date NOT NULL,
	"new_due_date" date NOT NULL,
	"explanation" jsonb NOT NULL,
	"extended_at" timestamp with time zone NOT NULL,
	"extended_by" text NOT NULL,
	"officer_name" text NOT NULL,
	"officer_nip" text,
	"issued_by" jsonb NOT NULL,
	CONSTRAINT "request_extensions_office_id_request_id_pk" PRIMARY KEY("office_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "request_fees" (
	"office_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"waived" boolean NOT NULL,
	CONSTRAINT "request_fees_office_id_request_id_line_pk" PRIMARY KEY("office_id","request_id","line")
);
--> statement-breakpoint
CREATE TABLE "request_idempotency_keys" (
	"office_id" uuid NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"request_id" uuid,
	"response_encrypted" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_idempotency_keys_office_id_key_pk" PRIMARY KEY("office_id","key")
);
--> statement-breakpoint
CREATE TABLE "request_identity_documents" (
	"office_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_identity_documents_office_id_request_id_file_id_pk" PRIMARY KEY("office_id","request_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "request_released_files" (
	"office_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_released_files_office_id_request_id_file_id_pk" PRIMARY KEY("office_id","request_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "requests" (
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
	"intake_by" text,
	"intake_officer_name" text,
	"requester_type" text NOT NULL,
	"requester_name" text NOT NULL,
	"representative_name" text,
	"legal_document_number" text,
	"nik_encrypted" text,
	"nik_blind_index" text,
	"nik_masked" text,
	"members_encrypted" text,
	"address" text NOT NULL,
	"occupation" text,
	"phone" text,
	"email" text,
	"information_requested" text NOT NULL,
	"purpose" text NOT NULL,
	"category" text NOT NULL,
	"access_methods" text[] NOT NULL,
	"delivery_method" text NOT NULL,
	"consent_at" timestamp with time zone,
	"tracking_code_hash" text NOT NULL,
	"deadline_profile" text NOT NULL,
	"response_days" integer NOT NULL,
	"extension_days" integer NOT NULL,
	"received_on" date NOT NULL,
	"due_date" date NOT NULL,
	"due_explanation" jsonb NOT NULL,
	"extended_due_date" date,
	"missing_items" text[],
	"incomplete_note" text,
	"incomplete_at" timestamp with time zone,
	"completion_due_date" date,
	"fee_total" bigint DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone,
	"payment_method" text,
	"payment_reference" text,
	"decided_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"issued_by" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "requests_office_id_id_pk" PRIMARY KEY("office_id","id"),
	CONSTRAINT "requests_number_key" UNIQUE("office_id","number"),
	CONSTRAINT "requests_seq_key" UNIQUE("office_id","year","seq")
);
--> statement-breakpoint
CREATE INDEX "request_dispositions_request_idx" ON "request_dispositions" USING btree ("office_id","request_id");--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "request_events" USING btree ("office_id","request_id","at");--> statement-breakpoint
CREATE INDEX "requests_due_idx" ON "requests" USING btree ("office_id","status","due_date");--> statement-breakpoint
CREATE INDEX "requests_received_idx" ON "requests" USING btree ("office_id","received_at");--> statement-breakpoint
CREATE INDEX "requests_tracking_idx" ON "requests" USING btree ("tracking_code_hash");--> statement-breakpoint
CREATE INDEX "requests_nik_idx" ON "requests" USING btree ("office_id","nik_blind_index");