SELECT id, type, from_status, to_status, reason, source, details, created_at
  FROM payment_event WHERE payment_id = :#id ORDER BY id
