-- Claims rows to pay: valid rows of batches being processed (and of paused batches whose pause is
-- over, which resume here), oldest batch first, in file order. SKIP LOCKED and the lease keep two
-- gateway instances off the same rows; a dead instance's rows come back when the lease runs out.
-- Each row's payment id is fixed here, for the whole claim in one statement, before any payment exists: a
-- crash can never give a row a second payment. payment_exists says an earlier claim's payment was created
-- (and may have been sent): that row is followed, never paid again.
WITH resumed AS (
    UPDATE disbursement_batch SET status = 'PROCESSING', status_reason = NULL, paused_until = NULL
     WHERE status = 'PAUSED' AND paused_until <= now()
    RETURNING id
), picked AS (
    SELECT it.id,
           it.payment_id IS NOT NULL AND EXISTS (SELECT 1 FROM payment p WHERE p.id = it.payment_id) AS payment_exists
      FROM disbursement_batch_item it
      JOIN disbursement_batch b ON b.id = it.batch_id
     WHERE it.status = 'VALID'
       AND (b.status = 'PROCESSING' OR b.id IN (SELECT id FROM resumed))
       AND (it.claimed_until IS NULL OR it.claimed_until < now())
     ORDER BY b.created_at, it.batch_id, it.row_number
     LIMIT :#limit
     FOR UPDATE OF it SKIP LOCKED
)
UPDATE disbursement_batch_item i
   SET claimed_until = now() + make_interval(secs => :#leaseSeconds),
       payment_id = COALESCE(i.payment_id, gen_random_uuid())
  FROM picked
 WHERE i.id = picked.id
RETURNING i.*, picked.payment_exists
