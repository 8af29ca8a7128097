-- Whether the payout worker has anything to do: a batch being paid, paused (it resumes in claim-batch-items.sql) or
-- cancelled but not yet closed (complete-batches.sql). Each instance fires the worker every second; with no such
-- batch this read (disbursement_batch_unfinished, V97) is all the tick costs.
SELECT EXISTS (SELECT 1 FROM disbursement_batch
                WHERE status IN ('PROCESSING', 'PAUSED', 'CANCELLED') AND completed_at IS NULL) AS open
