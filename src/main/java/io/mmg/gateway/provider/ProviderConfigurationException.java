package io.mmg.gateway.provider;

import io.mmg.gateway.payment.FailureReason;

/**
 * The provider refused the gateway itself (bad credentials, wrong subscription key, forbidden IP,
 * wrong path): retrying cannot help, an operator must fix the configuration. Nothing was processed.
 */
public class ProviderConfigurationException extends RuntimeException {

    private final FailureReason reason;
    private final String providerReason;

    public ProviderConfigurationException(FailureReason reason, String providerReason, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.providerReason = providerReason;
    }

    public FailureReason reason() {
        return reason;
    }

    public String providerReason() {
        return providerReason;
    }
}
