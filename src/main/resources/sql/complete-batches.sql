-- Batches whose every row has ended (nothing left to send, no payment still open) are complete.
-- A cancelled batch keeps its status and gets its completion time.
-- OFFSET 0 keeps both checks as filters, cheapest first: a batch with rows still waiting is passed over through the
-- disbursement_item_to_pay index, and only a batch without any has its submitted rows' payments read. Left to itself
-- PostgreSQL may read every submitted row of a running batch first (it did, past the 5 s statement timeout, for a
-- 10,000-row batch on a loaded machine), and the payout worker runs this after every drain.
UPDATE disbursement_batch b
   SET status = CASE WHEN b.status = 'CANCELLED' THEN 'CANCELLED' ELSE 'COMPLETED' END,
       completed_at = now()
 WHERE b.status IN ('PROCESSING', 'CANCELLED') AND b.completed_at IS NULL
   AND NOT EXISTS (SELECT 1 FROM disbursement_batch_item i WHERE i.batch_id = b.id AND i.status = 'VALID' OFFSET 0)
   AND NOT EXISTS (SELECT 1 FROM disbursement_batch_item i JOIN payment p ON p.id = i.payment_id
                    WHERE i.batch_id = b.id AND i.status = 'SUBMITTED' AND p.status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW') OFFSET 0)
RETURNING b.id
