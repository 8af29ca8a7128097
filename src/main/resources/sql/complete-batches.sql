-- Batches whose every row has ended (nothing left to send, no payment still open) are complete.
-- A cancelled batch keeps its status and gets its completion time.
UPDATE disbursement_batch b
   SET status = CASE WHEN b.status = 'CANCELLED' THEN 'CANCELLED' ELSE 'COMPLETED' END,
       completed_at = now()
 WHERE b.status IN ('PROCESSING', 'CANCELLED') AND b.completed_at IS NULL
   AND NOT EXISTS (SELECT 1 FROM disbursement_batch_item i WHERE i.batch_id = b.id AND i.status = 'VALID')
   AND NOT EXISTS (SELECT 1 FROM disbursement_batch_item i JOIN payment p ON p.id = i.payment_id
                    WHERE i.batch_id = b.id AND i.status = 'SUBMITTED' AND p.status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW'))
RETURNING b.id
