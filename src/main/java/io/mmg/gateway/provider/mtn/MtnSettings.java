package io.mmg.gateway.provider.mtn;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * gateway.mtn.*: where MTN MoMo is and the credentials of each product (provider-apis.md A2: each
 * product has its own subscription key, API user and API key). Secrets come from the environment.
 */
@ConfigurationProperties("gateway.mtn")
public record MtnSettings(
        String baseUrl,
        String targetEnvironment,
        Duration tokenRefreshBefore,
        Credentials collection,
        Credentials disbursement,
        Credentials remittance) {

    public static final String SANDBOX = "sandbox";
    /** The MTN sandbox takes only EUR (provider-apis.md A2, A11). */
    public static final String SANDBOX_CURRENCY = "EUR";

    public MtnSettings {
        targetEnvironment = targetEnvironment == null || targetEnvironment.isBlank() ? SANDBOX : targetEnvironment;
        tokenRefreshBefore = tokenRefreshBefore == null ? Duration.ofMinutes(10) : tokenRefreshBefore;
        collection = collection == null ? Credentials.NONE : collection;
        disbursement = disbursement == null ? Credentials.NONE : disbursement;
        remittance = remittance == null ? Credentials.NONE : remittance;
    }

    public boolean isSandbox() {
        return SANDBOX.equals(targetEnvironment);
    }

    public Credentials credentials(MtnProduct product) {
        return switch (product) {
            case COLLECTION -> collection;
            case DISBURSEMENT -> disbursement;
            case REMITTANCE -> remittance;
        };
    }

    /** The X-Target-Environment header for a payment. */
    public String targetEnvironmentFor(String countryCode) {
        return targetEnvironment;
    }

    /** The currency sent on the wire: the sandbox only knows EUR, production the wallet's currency. */
    public String wireCurrency(String currency) {
        return isSandbox() ? SANDBOX_CURRENCY : currency;
    }

    public record Credentials(String subscriptionKey, String apiUser, String apiKey) {
        static final Credentials NONE = new Credentials("", "", "");

        @Override
        public String toString() {
            return "Credentials[apiUser=" + apiUser + ", secrets=***]";
        }
    }
}
