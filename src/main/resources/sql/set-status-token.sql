-- M-Pesa transaction status queries are answered at a URL of their own: the hash of that query's secret
-- (a new one per query, so the payment's callback secret never has to be kept in clear).
UPDATE payment SET status_token_hash = :#statusTokenHash
 WHERE id = :#id AND status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW')
