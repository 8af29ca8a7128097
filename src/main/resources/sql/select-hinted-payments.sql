-- A callback to an old API's fixed URL (routes/compat-momo-cameroon.yaml, compat-mpesa-checkout.yaml) carries no secret: it only names an open
-- payment, by our id or the provider's reference, which the gateway then asks its provider about.
SELECT * FROM payment
 WHERE provider = :#provider
   AND status IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW')
   AND (id = CAST(:#id AS uuid) OR provider_reference = :#providerReference)
 LIMIT 1
