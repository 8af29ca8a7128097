-- Claims a set of rows to pay: valid rows of batches being processed (and of paused batches whose pause is
-- over, which resume here), oldest batch first, in file order. SKIP LOCKED and the lease keep two
-- gateway instances (and two set loops of one) off the same rows; a dead instance's rows come back when the lease runs out.
-- Each row's payment id is fixed here, for the whole set in one statement, before any payment exists: a
-- crash can never give a row a second payment. payment_exists says an earlier claim's payment was created
-- (and may have been sent): that row is followed, never paid again.
-- Rows are read per batch from the head of disbursement_item_to_pay (LATERAL ... LIMIT): a claim costs the same at
-- the first and the last row of a 100,000-row file, where sorting every waiting row would cost the file's size.
WITH resumed AS (
    UPDATE disbursement_batch SET status = 'PROCESSING', status_reason = NULL, paused_until = NULL
     WHERE status = 'PAUSED' AND paused_until <= now()
    RETURNING id
), picked AS (
    SELECT it.id,
           it.payment_id IS NOT NULL AND EXISTS (SELECT 1 FROM payment p WHERE p.id = it.payment_id) AS payment_exists
      FROM disbursement_batch b
     CROSS JOIN LATERAL (
            SELECT i.id, i.row_number, i.payment_id
              FROM disbursement_batch_item i
             WHERE i.batch_id = b.id AND i.status = 'VALID'
               AND (i.claimed_until IS NULL OR i.claimed_until < now())
             ORDER BY i.row_number
             LIMIT :#limit
               FOR UPDATE SKIP LOCKED) it
     WHERE b.status IN ('PROCESSING', 'PAUSED')
       AND (b.status = 'PROCESSING' OR b.id IN (SELECT id FROM resumed))
     ORDER BY b.created_at, b.id, it.row_number
     LIMIT :#limit
)
UPDATE disbursement_batch_item i
   SET claimed_until = now() + make_interval(secs => :#leaseSeconds),
       payment_id = COALESCE(i.payment_id, gen_random_uuid())
  FROM picked
 WHERE i.id = picked.id
RETURNING i.*, picked.payment_exists
