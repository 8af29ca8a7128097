-- Claims rows to pay: valid rows of batches being processed (and of paused batches whose pause is
-- over, which resume here), oldest batch first, in file order. SKIP LOCKED and the lease keep two
-- gateway instances off the same rows; a dead instance's rows come back when the lease runs out.
WITH resumed AS (
    UPDATE disbursement_batch SET status = 'PROCESSING', status_reason = NULL, paused_until = NULL
     WHERE status = 'PAUSED' AND paused_until <= now()
    RETURNING id
)
UPDATE disbursement_batch_item i
   SET claimed_until = now() + make_interval(secs => :#leaseSeconds)
 WHERE i.id IN (SELECT it.id
                  FROM disbursement_batch_item it
                  JOIN disbursement_batch b ON b.id = it.batch_id
                 WHERE it.status = 'VALID'
                   AND (b.status = 'PROCESSING' OR b.id IN (SELECT id FROM resumed))
                   AND (it.claimed_until IS NULL OR it.claimed_until < now())
                 ORDER BY b.created_at, it.batch_id, it.row_number
                 LIMIT :#limit
                 FOR UPDATE OF it SKIP LOCKED)
RETURNING i.*
