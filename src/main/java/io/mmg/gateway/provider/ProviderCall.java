package io.mmg.gateway.provider;

import java.util.Map;

/**
 * One HTTP request to a provider, built by a provider's request bean and sent by the provider's
 * route (token, circuit breaker, http). {@code path} is relative to the provider's base URL.
 */
public record ProviderCall(String operation, String method, String path, Map<String, String> headers, String body) {

    public static final String INITIATE = "initiate";
    public static final String STATUS = "status";

    public ProviderCall {
        headers = Map.copyOf(headers);
    }
}
