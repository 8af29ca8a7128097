-- Whether the reconciliation worker has anything to do: items to check, results to wait for and runs to complete
-- all belong to a RUNNING run. Each instance fires the worker every tick; with no such run this read
-- (reconciliation_run_running) is all the tick costs.
SELECT EXISTS (SELECT 1 FROM reconciliation_run WHERE status = 'RUNNING') AS running
