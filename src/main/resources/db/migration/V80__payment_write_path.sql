-- Every index on payment is paid for on each of a payment's writes (stored, initiated, final). The daily
-- reconciliation finds a day's merchants through payment_client_created instead (insert-scheduled-reconciliation-runs.sql).
DROP INDEX IF EXISTS payment_created;
