-- An event that changes no status, e.g. a rejected callback kept for audit.
INSERT INTO payment_event (payment_id, type, reason, source, details)
VALUES (:#id, :#type, :#reason, :#source, CAST(:#details AS jsonb))
