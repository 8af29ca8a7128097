-- What checking one payment found, recorded once: a late Result after the wait ran out, or a second instance
-- whose lease ran out, changes nothing (and so records no second mismatch event). No row back = already recorded.
UPDATE reconciliation_item
   SET state = 'DONE',
       result = :#result,
       status_before = COALESCE(status_before, :#statusBefore),
       status_after = :#statusAfter,
       provider_status = :#providerStatus,
       provider_amount = CAST(:#providerAmount AS numeric),
       provider_reference = :#providerReference,
       note = :#note,
       checked_at = now(),
       claimed_until = NULL
 WHERE id = :#itemId AND state <> 'DONE'
RETURNING id
