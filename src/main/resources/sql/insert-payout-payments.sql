-- Stores the payments of a claimed set of payout rows PENDING, with their CREATED events, in one statement: the
-- set's insert-payment.sql (BatchPayouts.store). Its parameter is a JSON array, one object per row of the set, each with
-- the payment id the claim fixed on the row.
-- A row's payment is stored only while the row still waits (VALID) with that payment id in a batch that pays
-- (PROCESSING): a pause or cancel since the claim stops the whole set here, before anything is stored or sent.
-- Daily limits as in insert-payment.sql: payment_daily_total takes the number's lock and sums what is stored; a set
-- holds one row per number (BatchPayouts defers a second one to the next set) and is sorted by number, so the locks
-- are taken in the same order by every set. A refused row is not stored: it comes back with daily_limit_exceeded.
-- ON CONFLICT: a payment with this id exists already (another instance created it): not stored again, not sent.
-- send_attempts = 1: the first attempt counts as maybe sent from now on, before it leaves (V81).
WITH set_rows AS (
    SELECT r.*
      FROM jsonb_to_recordset(CAST(:#rows AS jsonb)) AS r(
               item_id BIGINT, id UUID, client_id UUID, type TEXT, provider TEXT, product TEXT, amount NUMERIC,
               currency TEXT, country TEXT, phone_number TEXT, external_id TEXT, payer_message TEXT, payee_note TEXT,
               request_hash TEXT, callback_token_hash TEXT, provider_operation TEXT, daily_limit NUMERIC,
               direction TEXT, daily_types TEXT, first_poll_seconds INT)
), open_rows AS (
    SELECT s.*,
           CASE WHEN s.daily_limit IS NULL THEN NULL
                ELSE payment_daily_total(s.phone_number, s.currency, s.direction, string_to_array(s.daily_types, ','))
           END AS daily_total
      FROM set_rows s
     WHERE EXISTS (SELECT 1 FROM disbursement_batch_item it JOIN disbursement_batch b ON b.id = it.batch_id
                    WHERE it.id = s.item_id AND it.payment_id = s.id AND it.status = 'VALID' AND b.status = 'PROCESSING')
), admitted AS (
    SELECT * FROM open_rows WHERE daily_total IS NULL OR daily_total + amount <= daily_limit
), inserted AS (
    INSERT INTO payment (id, client_id, type, provider, product, status, amount, currency, country,
                         phone_number, external_id, payer_message, payee_note,
                         request_hash, callback_token_hash, provider_operation,
                         next_poll_at, send_attempts)
    SELECT id, client_id, type, provider, product, 'PENDING', amount, currency, country,
           phone_number, external_id, payer_message, payee_note,
           request_hash, callback_token_hash, provider_operation,
           now() + make_interval(secs => first_poll_seconds), 1
      FROM admitted
    ON CONFLICT DO NOTHING
    RETURNING *
), created_event AS (
    INSERT INTO payment_event (payment_id, type, to_status, source)
    SELECT id, 'CREATED', status, 'API' FROM inserted
)
SELECT s.item_id,
       o.item_id IS NOT NULL AS batch_open,
       o.daily_total,
       o.item_id IS NOT NULL AND a.item_id IS NULL AS daily_limit_exceeded,
       p.*
  FROM set_rows s
  LEFT JOIN open_rows o ON o.item_id = s.item_id
  LEFT JOIN admitted a ON a.item_id = s.item_id
  LEFT JOIN inserted p ON p.id = s.id
