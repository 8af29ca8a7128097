-- The payment and the reconciliation item an M-Pesa Transaction Status Result is for, found by the secret in its URL.
SELECT p.*, i.id AS item_id, i.run_id AS item_run_id, i.attempts AS item_attempts, i.reply_token_hash
  FROM reconciliation_item i JOIN payment p ON p.id = i.payment_id
 WHERE i.payment_id = :#paymentId AND i.reply_token_hash = :#replyTokenHash AND i.state = 'AWAITING_RESULT'
