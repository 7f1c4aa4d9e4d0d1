-- Worklist search (issue 15). Names are matched word by word with ILIKE '%word%': trigram
-- indexes let PostgreSQL answer that without reading every request of the office.
CREATE INDEX IF NOT EXISTS "requests_requester_name_trgm_idx" ON "requests" USING gin ("requester_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "requests_representative_name_trgm_idx" ON "requests" USING gin ("representative_name" gin_trgm_ops);--> statement-breakpoint
-- Phones of requests entered before phone_e164 existed, normalised by the rules of
-- src/modules/requests/phone.ts (0812… → +62812…, 62… → +62…, 00… → +…).
WITH typed AS (
  SELECT office_id, id, phone,
         regexp_replace(phone, '\D', '', 'g') AS d,
         phone ~ '^\s*\+' AS plus
  FROM requests
  WHERE phone IS NOT NULL AND phone_e164 IS NULL AND phone ~ '^\s*\+?[0-9 ().-]+\s*$'
), national AS (
  SELECT office_id, id,
         CASE
           WHEN plus AND d LIKE '620%' THEN '62' || substr(d, 4)
           WHEN plus THEN d
           WHEN d LIKE '00%' THEN substr(d, 3)
           WHEN d LIKE '0%' THEN '62' || substr(d, 2)
           WHEN d LIKE '8%' THEN '62' || d
           WHEN d LIKE '62%' THEN d
         END AS digits
  FROM typed
)
UPDATE requests r
SET phone_e164 = '+' || n.digits
FROM national n
WHERE r.office_id = n.office_id AND r.id = n.id
  AND n.digits IS NOT NULL AND length(n.digits) BETWEEN 9 AND 15 AND n.digits !~ '^0';
