package io.mmg.gateway.provider.mtn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.provider.AccessToken;
import io.mmg.gateway.provider.AccessTokenCache;
import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.ProviderConfigurationException;
import io.mmg.gateway.provider.ProviderHttp;
import io.mmg.gateway.provider.ProviderReply;
import io.mmg.gateway.provider.RetryableProviderException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One cached OAuth token per MTN product and target environment (docs/providers.md#mtn-tokens: the new platform
 * requires X-Target-Environment on /token/, so a token belongs to one environment; the sandbox has just
 * one), fetched through the mtn-http route and put on the exchange as the provider Authorization header
 * ("enrich" step of the MTN product route).
 */
@Component("mtnTokens")
public class MtnTokens {

    private record Key(MtnProduct product, String targetEnvironment) {
    }

    private final Map<Key, AccessTokenCache> caches = new ConcurrentHashMap<>();
    private final MtnSettings settings;
    private final MtnRequests requests;
    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public MtnTokens(MtnSettings settings, MtnRequests requests, @Lazy ProducerTemplate producer,
                     ObjectMapper json) {
        this.settings = settings;
        this.requests = requests;
        this.producer = producer;
        this.json = json;
    }

    /** Sets the product's Bearer token for the environment of the call that follows (exchangeProperty.providerCall). */
    public void authorize(Exchange exchange, String product) {
        String token = cache(MtnProduct.ofPath(product), targetEnvironment(exchange)).token();
        exchange.setProperty(ExchangeProperties.PROVIDER_AUTHORIZATION, "Bearer " + token);
    }

    /** Forgets a token MTN rejected, so the retry fetches a new one. */
    void invalidate(MtnProduct product, ProviderCall call, String authorization) {
        if (authorization != null && authorization.startsWith("Bearer ")) {
            cache(product, targetEnvironment(call)).invalidate(authorization.substring("Bearer ".length()));
        }
    }

    private AccessTokenCache cache(MtnProduct product, String targetEnvironment) {
        return caches.computeIfAbsent(new Key(product, targetEnvironment), key -> new AccessTokenCache(
                "mtn-" + product.path() + "@" + targetEnvironment, () -> fetch(product, targetEnvironment),
                settings.tokenRefreshBefore(), clock));
    }

    private static String targetEnvironment(Exchange exchange) {
        return targetEnvironment(exchange.getProperty(ExchangeProperties.PROVIDER_CALL, ProviderCall.class));
    }

    private static String targetEnvironment(ProviderCall call) {
        String environment = call == null ? null : call.headers().get("X-Target-Environment");
        return environment == null ? MtnSettings.SANDBOX : environment;
    }

    private AccessToken fetch(MtnProduct product, String targetEnvironment) {
        ProviderReply reply = ProviderHttp.send(producer, "direct:mtn-http", requests.token(product, targetEnvironment));
        if (reply.status() == 401 || reply.status() == 403) {
            throw new ProviderConfigurationException(FailureReason.PROVIDER_AUTHENTICATION_FAILED, "TOKEN_REFUSED",
                    "MTN refused the " + product.path() + " API user, key or subscription key");
        }
        if (reply.status() == 400 || reply.status() == 404) {
            throw new ProviderConfigurationException(FailureReason.PROVIDER_REJECTED_REQUEST, "TOKEN_HTTP_" + reply.status(),
                    "MTN token endpoint answered " + reply.status() + ": check gateway.mtn.base-url and target environment");
        }
        if (reply.status() != 200) {
            throw new RetryableProviderException("TOKEN_HTTP_" + reply.status(),
                    "MTN token endpoint answered " + reply.status(), false);
        }
        return parse(reply.body());
    }

    /** An access token answer (docs/providers.md#mtn-tokens). */
    private AccessToken parse(String body) {
        try {
            JsonNode root = json.readTree(body);
            // expires_in is a number on MTN, but a string in some SDK models: accept both (docs/providers.md#mtn-tokens).
            long seconds = Long.parseLong(root.path("expires_in").asText("3600").trim());
            String token = root.path("access_token").asText("");
            if (token.isBlank()) {
                throw new NumberFormatException("no access_token");
            }
            return AccessToken.issued(token, clock.instant(), Duration.ofSeconds(seconds));
        } catch (IOException | NumberFormatException e) {
            throw new RetryableProviderException("TOKEN_UNREADABLE", "MTN token answer could not be read", false);
        }
    }
}
