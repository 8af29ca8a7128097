package io.mmg.gateway.provider.mtn;

import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.payment.ProviderProduct;
import io.mmg.gateway.payment.ProviderRules;
import io.mmg.gateway.provider.ProviderConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * gateway.mtn.*: where MTN MoMo is and the credentials of each product (docs/providers.md#mtn-authentication: each product has
 * its own subscription key, API user and API key). Secrets come from the environment.
 *
 * <p>{@code target-environment} is the switch: {@code sandbox} means MTN's sandbox everywhere (X-Target-Environment
 * {@code sandbox}, every amount sent in EUR, the sandbox test numbers exist). Any other value (say
 * {@code production}) means each payment goes to its country's environment ({@code mtnuganda}, ...; defaults in
 * {@link MtnCountries}, overridden by {@code countries.<CC>.target-environment}) in the country's currency.
 *
 * @param countries            per-country overrides, keyed by ISO country code (UG, GH, ...)
 * @param disbursementResource {@code transfer} (default) or {@code deposit}: the Disbursement resource payouts use
 */
@ConfigurationProperties("gateway.mtn")
public record MtnSettings(
        String baseUrl,
        String targetEnvironment,
        Duration tokenRefreshBefore,
        Credentials collection,
        Credentials disbursement,
        Credentials remittance,
        Map<String, Country> countries,
        String disbursementResource) implements ProviderRules {

    public static final String SANDBOX = "sandbox";
    /** The MTN sandbox takes only EUR (docs/providers.md#mtn-authentication, #mtn-sandbox). */
    public static final String SANDBOX_CURRENCY = "EUR";

    @ConstructorBinding
    public MtnSettings {
        targetEnvironment = targetEnvironment == null || targetEnvironment.isBlank() ? SANDBOX : targetEnvironment;
        tokenRefreshBefore = tokenRefreshBefore == null ? Duration.ofMinutes(10) : tokenRefreshBefore;
        collection = collection == null ? Credentials.NONE : collection;
        disbursement = disbursement == null ? Credentials.NONE : disbursement;
        remittance = remittance == null ? Credentials.NONE : remittance;
        // Environment variables bind map keys in lower case (GATEWAY_MTN_COUNTRIES_UG_...): normalise.
        Map<String, Country> byCode = new HashMap<>();
        if (countries != null) {
            countries.forEach((code, country) -> byCode.put(code.toUpperCase(Locale.ROOT), country));
        }
        countries = Map.copyOf(byCode);
        disbursementResource = disbursementResource == null || disbursementResource.isBlank()
                ? MtnResource.TRANSFER.path() : disbursementResource.trim().toLowerCase(Locale.ROOT);
        if (!disbursementResource.equals(MtnResource.TRANSFER.path())
                && !disbursementResource.equals(MtnResource.DEPOSIT.path())) {
            throw new IllegalArgumentException("gateway.mtn.disbursement-resource must be transfer or deposit, not "
                    + disbursementResource);
        }
    }

    /** Without per-country settings and with transfers for payouts, as before those existed. */
    public MtnSettings(String baseUrl, String targetEnvironment, Duration tokenRefreshBefore, Credentials collection,
                       Credentials disbursement, Credentials remittance) {
        this(baseUrl, targetEnvironment, tokenRefreshBefore, collection, disbursement, remittance, null, null);
    }

    public boolean isSandbox() {
        return SANDBOX.equals(targetEnvironment);
    }

    @Override
    public boolean sandboxNumbersPayable() {
        return isSandbox();
    }

    @Override
    public String operationFor(ProviderProduct product, PaymentType type) {
        return switch (product.provider()) {
            case MTN_MOMO -> resourceFor(MtnProduct.of(product), type).path();
            default -> null;
        };
    }

    public Credentials credentials(MtnProduct product) {
        return switch (product) {
            case COLLECTION -> collection;
            case DISBURSEMENT -> disbursement;
            case REMITTANCE -> remittance;
        };
    }

    /** The resource new payments of this type are created at, for this product. */
    public MtnResource resourceFor(MtnProduct product, PaymentType type) {
        return product.resourceFor(type, MtnResource.ofPath(disbursementResource).orElse(MtnResource.TRANSFER));
    }

    /**
     * The X-Target-Environment header for a payment of this country: {@code sandbox} in the sandbox, otherwise
     * the country's configured or default environment. A country without one is a configuration error: the
     * payment is not sent (docs/providers.md#mtn-hosts: a wrong value is refused with NOT_ALLOWED_TARGET_ENVIRONMENT).
     */
    public String targetEnvironmentFor(String countryCode) {
        if (isSandbox()) {
            return SANDBOX;
        }
        return configuredTargetEnvironment(countryCode)
                .orElseThrow(() -> new ProviderConfigurationException(FailureReason.NOT_ALLOWED_TARGET_ENVIRONMENT,
                        "TARGET_ENVIRONMENT_NOT_CONFIGURED", "No MTN target environment for country " + countryCode
                        + ": set gateway.mtn.countries." + countryCode + ".target-environment"));
    }

    /** The production environment of a country, if it has one (configured, else MTN's published value). */
    public Optional<String> configuredTargetEnvironment(String countryCode) {
        String code = countryCode == null ? "" : countryCode.toUpperCase(Locale.ROOT);
        Country country = countries.get(code);
        if (country != null && country.targetEnvironment() != null && !country.targetEnvironment().isBlank()) {
            return Optional.of(country.targetEnvironment().trim());
        }
        return MtnCountries.defaultTargetEnvironment(code);
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

    /** Per-country settings: the X-Target-Environment of the country's MTN operator. */
    public record Country(String targetEnvironment) {
    }
}
