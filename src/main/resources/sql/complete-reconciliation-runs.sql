-- Running reconciliation runs whose every item has been checked are complete.
UPDATE reconciliation_run r
   SET status = 'COMPLETED', completed_at = now()
 WHERE r.status = 'RUNNING'
   AND NOT EXISTS (SELECT 1 FROM reconciliation_item i WHERE i.run_id = r.id AND i.state <> 'DONE')
