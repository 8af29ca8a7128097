package io.mmg.gateway.provider.mtn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.provider.AccessToken;
import io.mmg.gateway.provider.AccessTokenCache;
import io.mmg.gateway.provider.ProviderConfigurationException;
import io.mmg.gateway.provider.ProviderHttp;
import io.mmg.gateway.provider.ProviderReply;
import io.mmg.gateway.provider.RetryableProviderException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One cached OAuth token per MTN product (provider-apis.md A4), fetched through the mtn-http route
 * and put on the exchange as the provider Authorization header ("enrich" step of the MTN route).
 */
@Component("mtnTokens")
public class MtnTokens {

    private final Map<MtnProduct, AccessTokenCache> caches = new EnumMap<>(MtnProduct.class);
    private final MtnRequests requests;
    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public MtnTokens(MtnSettings settings, MtnRequests requests, @Lazy ProducerTemplate producer,
                     ObjectMapper json) {
        this.requests = requests;
        this.producer = producer;
        this.json = json;
        for (MtnProduct product : MtnProduct.values()) {
            caches.put(product, new AccessTokenCache("mtn-" + product.path(), () -> fetch(product),
                    settings.tokenRefreshBefore(), clock));
        }
    }

    /** Sets the Bearer token of the product on the exchange, for the provider call that follows. */
    public void authorize(Exchange exchange, String product) {
        String token = caches.get(MtnProduct.ofPath(product)).token();
        exchange.setProperty(ProviderHttp.AUTHORIZATION, "Bearer " + token);
    }

    void invalidate(MtnProduct product, String authorization) {
        if (authorization != null && authorization.startsWith("Bearer ")) {
            caches.get(product).invalidate(authorization.substring("Bearer ".length()));
        }
    }

    private AccessToken fetch(MtnProduct product) {
        ProviderReply reply = ProviderHttp.send(producer, "direct:mtn-http", requests.token(product));
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

    private AccessToken parse(String body) {
        try {
            JsonNode root = json.readTree(body);
            // expires_in is a number on MTN, but a string in some SDK models: accept both (A4).
            long seconds = Long.parseLong(root.path("expires_in").asText("3600").trim());
            return AccessToken.issued(root.path("access_token").asText(), clock.instant(), Duration.ofSeconds(seconds));
        } catch (IOException | NumberFormatException e) {
            throw new RetryableProviderException("TOKEN_UNREADABLE", "MTN token answer could not be read", false);
        }
    }
}
