SELECT count(*) FROM payment
 WHERE client_id = :#clientId
   AND (CAST(:#status AS text) IS NULL OR status = :#status)
   AND (CAST(:#provider AS text) IS NULL OR provider = :#provider)
   AND (CAST(:#type AS text) IS NULL OR type = :#type)
   AND (CAST(:#from AS timestamptz) IS NULL OR created_at >= :#from)
   AND (CAST(:#to AS timestamptz) IS NULL OR created_at < :#to)
   AND (CAST(:#externalId AS text) IS NULL OR external_id = :#externalId)
   AND (CAST(:#phoneNumber AS text) IS NULL OR phone_number = :#phoneNumber)
