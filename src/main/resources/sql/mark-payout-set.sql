-- After the calls of a set (BatchPayouts.settle): every row whose payment exists and was sent, or may have been,
-- becomes SUBMITTED, in one statement. The other rows of the set come back: no payment (refused), or a payment
-- that failed before anything was sent (provider unreachable: the batch pauses and the row gets a new payment).
-- A followed row (its payment was created by an earlier claim) is SUBMITTED whatever its payment became: never paid again.
-- :#items and :#followed are JSON arrays of row ids; :#notSent the failure reasons that mean nothing was sent.
WITH set_rows AS (
    SELECT i.id, i.batch_id, i.payment_id, p.status AS payment_status, p.reason AS payment_reason
      FROM disbursement_batch_item i
      LEFT JOIN payment p ON p.id = i.payment_id
     WHERE i.id IN (SELECT CAST(jsonb_array_elements_text(CAST(:#items AS jsonb)) AS BIGINT))
), followed AS (
    SELECT CAST(jsonb_array_elements_text(CAST(:#followed AS jsonb)) AS BIGINT) AS id
), submitted AS (
    UPDATE disbursement_batch_item i SET status = 'SUBMITTED', claimed_until = NULL
      FROM set_rows s
     WHERE i.id = s.id AND s.payment_status IS NOT NULL
       AND (s.id IN (SELECT id FROM followed)
            OR NOT (s.payment_status = 'FAILED' AND s.payment_reason = ANY (string_to_array(:#notSent, ','))))
    RETURNING i.id
)
SELECT s.* FROM set_rows s WHERE s.id NOT IN (SELECT id FROM submitted)
