package io.mmg.gateway.provider;

import java.util.Map;
import java.util.Set;

/**
 * One HTTP request to a provider, built by a provider's request bean and sent by the provider's
 * route (token, circuit breaker, http). {@code path} is relative to the provider's base URL.
 */
public record ProviderCall(String operation, String method, String path, Map<String, String> headers, String body) {

    public static final String INITIATE = "initiate";
    public static final String STATUS = "status";
    /**
     * The operations that ask a provider to move money: MTN's {@link #INITIATE} and M-Pesa's STK push, B2C and
     * reversal (the operation names of MpesaRequests). Every other call only asks (status, balance, account holder).
     */
    private static final Set<String> PAYMENT_REQUESTS = Set.of(INITIATE, "stkpush", "b2c", "reversal");

    public ProviderCall {
        headers = Map.copyOf(headers);
    }

    /** A request that moves money, as opposed to a query; queries get only a share of a product's bulkhead. */
    public boolean movesMoney() {
        return PAYMENT_REQUESTS.contains(operation);
    }
}
