-- Maybe sent means UNKNOWN (docs/developing.md "Design rules"): how many times the payment's request was, or may have been, sent to its
-- provider, written before each send. insert-payment.sql and insert-refund.sql count the first attempt as going
-- out when they store the payment (saving a write); count-send-attempt.sql adds each resend before it leaves.
-- An upper bound: an attempt turned away before it left (circuit open, connection refused) stays counted.
-- A payment whose request died mid-way is therefore never taken for unsent; the poller asks its provider.
-- Existing rows: 0, "not recorded"; payments stored before this migration went through the old path.
ALTER TABLE payment ADD COLUMN send_attempts SMALLINT NOT NULL DEFAULT 0;
