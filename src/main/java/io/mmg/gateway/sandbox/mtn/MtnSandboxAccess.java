package io.mmg.gateway.sandbox.mtn;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import io.mmg.gateway.sandbox.mtn.MtnSandboxCredentials.ApiUser;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The checks every MoMo call passes before its operation runs, in MoMo's order: APIM's subscription key for
 * the product in the path, the Bearer token, then {@code X-Target-Environment} (docs/providers.md#mtn-authentication, #mtn-simulator-checks).
 */
@Component
@ConditionalOnSandbox
public class MtnSandboxAccess {

    static final String SUBSCRIPTION_KEY = "Ocp-Apim-Subscription-Key";
    static final String TARGET_ENVIRONMENT = "X-Target-Environment";
    static final String CALLBACK_URL = "X-Callback-Url";

    private final MtnSandboxProperties properties;
    private final MtnSandboxCredentials credentials;
    private final MtnSandboxTokens tokens;

    public MtnSandboxAccess(MtnSandboxProperties properties, MtnSandboxCredentials credentials,
                            MtnSandboxTokens tokens) {
        this.properties = properties;
        this.credentials = credentials;
        this.tokens = tokens;
    }

    /** Subscription key, Bearer token for this product, target environment: the calling API user or an error. */
    ApiUser authorise(MtnProduct product, HttpHeaders headers) {
        checkSubscriptionKey(product, headers);
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw MtnSandboxException.apim(MtnApimErrorBody.INVALID_ACCESS_TOKEN);
        }
        ApiUser user = tokens.validate(authorization.substring(7).trim(), product, Instant.now())
                .flatMap(token -> credentials.find(token.apiUser()))
                .orElseThrow(() -> MtnSandboxException.apim(MtnApimErrorBody.INVALID_ACCESS_TOKEN));
        checkTargetEnvironment(headers.getFirst(TARGET_ENVIRONMENT), true);
        return user;
    }

    /** The key of the product in the path; keys of other products are refused like wrong ones (docs/providers.md#mtn-authentication). */
    void checkSubscriptionKey(MtnProduct product, HttpHeaders headers) {
        String presented = headers.getFirst(SUBSCRIPTION_KEY);
        if (presented == null || presented.isBlank()) {
            throw MtnSandboxException.apim(MtnApimErrorBody.MISSING_SUBSCRIPTION_KEY);
        }
        if (!sameSecret(presented, properties.subscriptionKey(product))) {
            throw MtnSandboxException.apim(MtnApimErrorBody.INVALID_SUBSCRIPTION_KEY);
        }
    }

    /** Provisioning takes the key of any product (docs/providers.md#mtn-sandbox-provisioning). */
    void checkAnySubscriptionKey(HttpHeaders headers) {
        String presented = headers.getFirst(SUBSCRIPTION_KEY);
        if (presented == null || presented.isBlank()) {
            throw MtnSandboxException.apim(MtnApimErrorBody.MISSING_SUBSCRIPTION_KEY);
        }
        boolean known = false;
        for (MtnProduct product : MtnProduct.values()) {
            known |= sameSecret(presented, properties.subscriptionKey(product));
        }
        if (!known) {
            throw MtnSandboxException.apim(MtnApimErrorBody.INVALID_SUBSCRIPTION_KEY);
        }
    }

    /**
     * Sandbox users reach only {@code sandbox}; anything else is 500 NOT_ALLOWED_TARGET_ENVIRONMENT (docs/providers.md#mtn-hosts, #mtn-simulator-checks).
     * The header is required on product calls and optional on {@code /token/} (legacy platform, docs/providers.md#mtn-authentication).
     */
    void checkTargetEnvironment(String targetEnvironment, boolean required) {
        if (targetEnvironment == null && !required) {
            return;
        }
        if (!MtnSandboxCredentials.TARGET_ENVIRONMENT.equals(targetEnvironment)) {
            throw MtnSandboxException.of(HttpStatus.INTERNAL_SERVER_ERROR,
                    MtnErrorReason.NOT_ALLOWED_TARGET_ENVIRONMENT);
        }
    }

    /**
     * {@code X-Callback-Url}: optional, but present means not empty (400), and its host must be the API user's
     * {@code providerCallbackHost} (500 INVALID_CALLBACK_URL_HOST) (docs/providers.md#mtn-authentication).
     */
    static Optional<URI> callbackUrl(String header, ApiUser user) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.isBlank()) {
            throw MtnSandboxException.badRequest("X-Callback-Url must not be empty when present.");
        }
        URI url;
        try {
            url = new URI(header.trim());
        } catch (URISyntaxException e) {
            throw MtnSandboxException.badRequest("X-Callback-Url is not a valid URL.");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null
                || !url.getHost().equalsIgnoreCase(user.providerCallbackHost())) {
            throw MtnSandboxException.of(HttpStatus.INTERNAL_SERVER_ERROR, MtnErrorReason.INVALID_CALLBACK_URL_HOST);
        }
        return Optional.of(url);
    }

    private static boolean sameSecret(String presented, String expected) {
        return expected != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
