package io.mmg.gateway.payment;

import java.util.UUID;

/**
 * The client (merchant) a payment belongs to; every payment query is scoped to it. The security package says who it
 * is ({@code security.AuthenticatedClient}, from the API key) and keeps it in the exchange property {@code client}.
 */
public interface PaymentClient {

    UUID id();
}
