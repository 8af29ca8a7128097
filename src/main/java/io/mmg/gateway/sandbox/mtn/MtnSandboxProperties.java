package io.mmg.gateway.sandbox.mtn;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.sandbox.mtn.*}: the MTN MoMo simulator's credentials and timings.
 *
 * @param subscriptionKeys  {@code Ocp-Apim-Subscription-Key} per product path name (collection, ...)
 * @param apiUser           an API user that exists from the start, as if created via {@code /v1_0/apiuser}
 * @param apiKey            its API key
 * @param callbackHost      its {@code providerCallbackHost}
 * @param tokenTtl          access token lifetime (MTN: 3600 s)
 * @param callbackDelay     time from a POST to the final state and its callback
 * @param callbackMethod    PUT (MTN's API description) or POST (MTN's callback pages)
 * @param ongoingDuration   how long number 46733123453 ("Ongoing") stays PENDING before SUCCESSFUL
 * @param reasonFormat      FAILED {@code reason} as a bare string (production since 2024) or an object
 * @param statusRateLimit   status GETs per second before 429, 0 = unlimited (MTN caps at 10, docs/providers.md#mtn-limits)
 * @param maxTransactions   bound of the in-memory ledger; the oldest are evicted
 */
@ConfigurationProperties("gateway.sandbox.mtn")
public record MtnSandboxProperties(Map<String, String> subscriptionKeys, String apiUser, String apiKey,
                                   String callbackHost, Duration tokenTtl, Duration callbackDelay,
                                   String callbackMethod, Duration ongoingDuration, MtnReasonFormat reasonFormat,
                                   Integer statusRateLimit, Integer maxTransactions) {

    public MtnSandboxProperties {
        subscriptionKeys = subscriptionKeys == null ? Map.of(
                "collection", "sandbox-collection-key",
                "disbursement", "sandbox-disbursement-key",
                "remittance", "sandbox-remittance-key") : Map.copyOf(subscriptionKeys);
        apiUser = apiUser == null ? "7a3e1c2b-8d4f-4a6b-9c1d-2e3f4a5b6c7d" : apiUser;
        apiKey = apiKey == null ? "sandbox0collection0api0key000001" : apiKey;
        callbackHost = callbackHost == null ? "localhost" : callbackHost;
        tokenTtl = tokenTtl == null ? Duration.ofSeconds(3600) : tokenTtl;
        callbackDelay = callbackDelay == null ? Duration.ofMillis(300) : callbackDelay;
        callbackMethod = callbackMethod == null ? "PUT" : callbackMethod;
        ongoingDuration = ongoingDuration == null ? Duration.ofSeconds(30) : ongoingDuration;
        reasonFormat = reasonFormat == null ? MtnReasonFormat.STRING : reasonFormat;
        statusRateLimit = statusRateLimit == null ? 0 : statusRateLimit;
        maxTransactions = maxTransactions == null || maxTransactions <= 0 ? 200_000 : maxTransactions;
    }

    String subscriptionKey(MtnProduct product) {
        return subscriptionKeys.get(product.path());
    }
}
