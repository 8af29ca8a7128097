-- Every instance's payout worker asks each second whether a batch is unfinished (select-open-batches.sql): an index
-- probe rather than a scan of every batch ever uploaded. Cancelled batches stay here until complete-batches.sql
-- closes them.
CREATE INDEX disbursement_batch_unfinished ON disbursement_batch (id)
    WHERE status IN ('PROCESSING', 'PAUSED', 'CANCELLED') AND completed_at IS NULL;
