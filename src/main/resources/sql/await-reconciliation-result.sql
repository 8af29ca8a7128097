-- An M-Pesa Transaction Status query is about to be sent for this item (its Result comes later, docs/providers.md#daraja-transaction-status): the hash of the secret in its ResultURL is stored first, so a Result that comes back at once finds the item.
UPDATE reconciliation_item
   SET state = 'AWAITING_RESULT',
       reply_token_hash = :#replyTokenHash,
       status_before = :#statusBefore,
       await_until = now() + make_interval(secs => :#awaitSeconds)
 WHERE id = :#itemId AND state = 'TO_CHECK'
