package io.mmg.gateway.provider;

/**
 * The provider call failed in a way that may succeed if tried again (5xx, 429, timeout, an expired
 * token). The initiation route retries it with exponential backoff; the poller tries again later.
 * {@code maybeReceived} is false only when we know the request never reached the provider.
 */
public class RetryableProviderException extends RuntimeException {

    private final String providerReason;
    private final boolean maybeReceived;

    public RetryableProviderException(String providerReason, String message, boolean maybeReceived) {
        super(message, null, false, false);
        this.providerReason = providerReason;
        this.maybeReceived = maybeReceived;
    }

    /**
     * Rethrows what a nested provider call failed with: our own provider exceptions as they are,
     * anything else (I/O) unchanged inside a RuntimeException so onException still sees the cause.
     */
    public static RuntimeException wrap(Exception failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new org.apache.camel.RuntimeCamelException(failure);
    }

    public String providerReason() {
        return providerReason;
    }

    public boolean maybeReceived() {
        return maybeReceived;
    }
}
