-- GET /api/v1/admin/payments/{id}: one payment of any merchant.
SELECT *, payment_refunded_amount(id) AS refunded_amount FROM payment WHERE id = :#id
