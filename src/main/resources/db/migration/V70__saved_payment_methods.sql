-- Saved payment methods (docs/payment-methods.md): a customer's wallet a merchant keeps, to collect from or pay
-- to again by its id instead of the number. One wallet once per merchant and provider; one default per merchant.
CREATE TABLE saved_payment_method (
    id            UUID PRIMARY KEY,
    client_id     UUID        NOT NULL REFERENCES client (id),
    provider      TEXT        NOT NULL,
    phone_number  TEXT        NOT NULL,
    country       CHAR(2)     NOT NULL,
    is_default    BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT saved_payment_method_once UNIQUE (client_id, provider, phone_number)
);
CREATE UNIQUE INDEX saved_payment_method_one_default ON saved_payment_method (client_id) WHERE is_default;

-- Saves a method, or returns the one already saved for that wallet (the caller sees another id). A new default
-- replaces the merchant's previous one. The merchant's saves run one at a time (advisory lock until commit);
-- being VOLATILE PL/pgSQL, each query here sees what the previous save committed (see V20).
CREATE FUNCTION save_payment_method(p_id UUID, p_client_id UUID, p_provider TEXT, p_phone_number TEXT,
                                    p_country TEXT, p_is_default BOOLEAN)
    RETURNS SETOF saved_payment_method
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('saved-payment-method|' || p_client_id, 0));
    IF NOT EXISTS (SELECT 1 FROM saved_payment_method m
                    WHERE m.client_id = p_client_id AND m.provider = p_provider AND m.phone_number = p_phone_number) THEN
        IF p_is_default THEN
            UPDATE saved_payment_method m SET is_default = FALSE WHERE m.client_id = p_client_id AND m.is_default;
        END IF;
        INSERT INTO saved_payment_method (id, client_id, provider, phone_number, country, is_default)
        VALUES (p_id, p_client_id, p_provider, p_phone_number, p_country, p_is_default);
    END IF;
    RETURN QUERY SELECT * FROM saved_payment_method m
                  WHERE m.client_id = p_client_id AND m.provider = p_provider AND m.phone_number = p_phone_number;
END;
$$;

-- Checkout adapter callbacks (routes/compat-mpesa-checkout.yaml) name an M-Pesa payment by its CheckoutRequestID only.
CREATE INDEX payment_provider_reference ON payment (provider_reference) WHERE provider_reference IS NOT NULL;
