-- Items whose M-Pesa Transaction Status Result did not come within gateway.reconciliation.result-wait.
UPDATE reconciliation_item i
   SET state = 'DONE', result = 'UNVERIFIED', status_after = p.status, note = :#note, checked_at = now()
  FROM payment p
 WHERE p.id = i.payment_id AND i.state = 'AWAITING_RESULT' AND i.await_until < now()
