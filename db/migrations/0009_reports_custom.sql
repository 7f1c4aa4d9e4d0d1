-- Statistics aggregates (ADR 0035): every change to a request, a written notice, an objection,
-- its decision or a dispute marks the office-months it touches as stale, in the same
-- transaction as the change. The refresh (src/modules/reports/refresh-statistics.ts) recounts
-- only those months. ON CONFLICT DO UPDATE locks the marker until the change commits, so a
-- refresh that deletes it waits for the change and then counts it.
CREATE FUNCTION report_mark_dirty(p_office uuid, p_at timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  local_ts timestamp;
BEGIN
  IF p_at IS NULL THEN
    RETURN;
  END IF;
  SELECT p_at AT TIME ZONE o.timezone INTO local_ts FROM offices o WHERE o.id = p_office;
  IF local_ts IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO report_dirty_months (office_id, year, month, marked_at)
  VALUES (p_office, extract(year FROM local_ts)::int, extract(month FROM local_ts)::int, now())
  ON CONFLICT (office_id, year, month) DO UPDATE SET marked_at = excluded.marked_at;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION report_mark_dirty_date(p_office uuid, p_on date) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_on IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO report_dirty_months (office_id, year, month, marked_at)
  VALUES (p_office, extract(year FROM p_on)::int, extract(month FROM p_on)::int, now())
  ON CONFLICT (office_id, year, month) DO UPDATE SET marked_at = excluded.marked_at;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION report_requests_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM report_mark_dirty(NEW.office_id, NEW.received_at);
    PERFORM report_mark_dirty(NEW.office_id, NEW.decided_at);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    IF TG_OP = 'DELETE' OR OLD.received_at IS DISTINCT FROM NEW.received_at THEN
      PERFORM report_mark_dirty(OLD.office_id, OLD.received_at);
    END IF;
    IF TG_OP = 'DELETE' OR OLD.decided_at IS DISTINCT FROM NEW.decided_at THEN
      PERFORM report_mark_dirty(OLD.office_id, OLD.decided_at);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_requests_changed AFTER INSERT OR UPDATE OR DELETE ON requests
  FOR EACH ROW EXECUTE FUNCTION report_requests_changed();
--> statement-breakpoint
CREATE FUNCTION report_request_decisions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM report_mark_dirty(NEW.office_id, NEW.decided_at);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM report_mark_dirty(OLD.office_id, OLD.decided_at);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_request_decisions_changed AFTER INSERT OR UPDATE OR DELETE ON request_decisions
  FOR EACH ROW EXECUTE FUNCTION report_request_decisions_changed();
--> statement-breakpoint
CREATE FUNCTION report_objections_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM report_mark_dirty(NEW.office_id, NEW.received_at);
    PERFORM report_mark_dirty(NEW.office_id, NEW.settled_at);
    PERFORM report_mark_dirty(NEW.office_id, NEW.lapsed_at);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    IF TG_OP = 'DELETE' OR OLD.received_at IS DISTINCT FROM NEW.received_at THEN
      PERFORM report_mark_dirty(OLD.office_id, OLD.received_at);
    END IF;
    IF TG_OP = 'DELETE' OR OLD.settled_at IS DISTINCT FROM NEW.settled_at THEN
      PERFORM report_mark_dirty(OLD.office_id, OLD.settled_at);
    END IF;
    IF TG_OP = 'DELETE' OR OLD.lapsed_at IS DISTINCT FROM NEW.lapsed_at THEN
      PERFORM report_mark_dirty(OLD.office_id, OLD.lapsed_at);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_objections_changed AFTER INSERT OR UPDATE OR DELETE ON objections
  FOR EACH ROW EXECUTE FUNCTION report_objections_changed();
--> statement-breakpoint
CREATE FUNCTION report_objection_decisions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM report_mark_dirty(NEW.office_id, NEW.decided_at);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM report_mark_dirty(OLD.office_id, OLD.decided_at);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_objection_decisions_changed AFTER INSERT OR UPDATE OR DELETE ON objection_decisions
  FOR EACH ROW EXECUTE FUNCTION report_objection_decisions_changed();
--> statement-breakpoint
CREATE FUNCTION report_disputes_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM report_mark_dirty_date(NEW.office_id, NEW.filed_on);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM report_mark_dirty_date(OLD.office_id, OLD.filed_on);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_disputes_changed AFTER INSERT OR UPDATE OR DELETE ON disputes
  FOR EACH ROW EXECUTE FUNCTION report_disputes_changed();
--> statement-breakpoint
-- Records made before this migration: every month that holds one is counted on the first read.
INSERT INTO report_dirty_months (office_id, year, month, marked_at)
SELECT DISTINCT r.office_id, extract(year FROM r.received_at AT TIME ZONE o.timezone)::int, extract(month FROM r.received_at AT TIME ZONE o.timezone)::int, now()
FROM requests r JOIN offices o ON o.id = r.office_id
UNION
SELECT DISTINCT r.office_id, extract(year FROM r.decided_at AT TIME ZONE o.timezone)::int, extract(month FROM r.decided_at AT TIME ZONE o.timezone)::int, now()
FROM requests r JOIN offices o ON o.id = r.office_id WHERE r.decided_at IS NOT NULL
UNION
SELECT DISTINCT j.office_id, extract(year FROM j.received_at AT TIME ZONE o.timezone)::int, extract(month FROM j.received_at AT TIME ZONE o.timezone)::int, now()
FROM objections j JOIN offices o ON o.id = j.office_id
ON CONFLICT DO NOTHING;
