-- Live payment status (docs/live-status.md): every status event is announced on the channel payment_status when
-- its transaction commits (NOTIFY is transactional: a rolled-back change is never announced), so a subscriber on any
-- instance hears changes made on every other. A payment's creation is not announced (no one can follow it yet).
-- The payload is the new state; version is the event's id, which grows with each change of one payment because
-- events are written under the payment's row lock.
CREATE FUNCTION payment_status_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('payment_status', json_build_object(
        'id', NEW.payment_id, 'status', NEW.to_status, 'reason', NEW.reason,
        'at', NEW.created_at, 'version', NEW.id)::text);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER payment_status_notify
    AFTER INSERT ON payment_event
    FOR EACH ROW
    WHEN (NEW.from_status IS NOT NULL AND NEW.to_status IS NOT NULL)
    EXECUTE FUNCTION payment_status_notify();
