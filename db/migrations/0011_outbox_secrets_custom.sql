-- Emails queued before secrets were sealed hold tracking codes and download tokens readable.
-- They are replaced by the placeholder the outbox shows (the requester has the original email;
-- an unsent one goes out without them and the tracking page can be reached with the number and code
-- shown at submission). See ADR 0040.
UPDATE "mail_outbox"
SET "subject" = regexp_replace("subject", '[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}', '[disembunyikan]', 'g'),
    "text_body" = regexp_replace(regexp_replace("text_body", '[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}', '[disembunyikan]', 'g'), '/permohonan/unduh/[A-Za-z0-9_-]+', '/permohonan/unduh/[disembunyikan]', 'g'),
    "html_body" = regexp_replace(regexp_replace("html_body", '[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}', '[disembunyikan]', 'g'), '/permohonan/unduh/[A-Za-z0-9_-]+', '/permohonan/unduh/[disembunyikan]', 'g')
WHERE "template" IN ('request-received', 'request-delivered');
