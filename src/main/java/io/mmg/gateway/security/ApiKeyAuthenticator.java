package io.mmg.gateway.security;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Resolves "Authorization: Bearer &lt;api key&gt;" to a client, puts it in the exchange property {@code client}, then
 * applies that client's guards (ClientGuard). AuthenticationGuard calls it for every merchant path before the route
 * runs; a route that still names it as a step (written before the guard) finds the client there and goes on.
 */
@Component("apiKeyAuthenticator")
public class ApiKeyAuthenticator {

    private static final String BEARER = "Bearer ";

    private final ClientDirectory clients;
    private final ClientGuard guard;

    public ApiKeyAuthenticator(ClientDirectory clients, ClientGuard guard) {
        this.clients = clients;
        this.guard = guard;
    }

    public void authenticate(Exchange exchange) {
        if (exchange.getProperty(ExchangeProperties.CLIENT) instanceof AuthenticatedClient) {
            return;
        }
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Send your API key as 'Authorization: Bearer <key>'");
        }
        String key = header.substring(BEARER.length()).trim();
        AuthenticatedClient client = clients.findByApiKey(key)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "The API key is not valid"));
        exchange.setProperty(ExchangeProperties.CLIENT, client);
        // The client's own guards: source allowlist, request signature, rate limit (ClientGuard).
        guard.check(exchange, client);
    }
}
