ALTER TABLE "request_decisions" DROP CONSTRAINT "request_decisions_office_id_request_id_pk";--> statement-breakpoint
ALTER TABLE "request_deliveries" DROP CONSTRAINT "request_deliveries_office_id_request_id_pk";--> statement-breakpoint
ALTER TABLE "request_decisions" ADD CONSTRAINT "request_decisions_office_id_request_id_round_pk" PRIMARY KEY("office_id","request_id","round");--> statement-breakpoint
ALTER TABLE "request_deliveries" ADD CONSTRAINT "request_deliveries_office_id_request_id_round_pk" PRIMARY KEY("office_id","request_id","round");