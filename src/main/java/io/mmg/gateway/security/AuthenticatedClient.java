package io.mmg.gateway.security;

import io.mmg.gateway.payment.PaymentClient;
import java.util.UUID;

/** The merchant an API key belongs to; every payment query is scoped to it. */
public record AuthenticatedClient(UUID id, String name) implements PaymentClient {
}
