package io.mmg.gateway.provider.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ExchangeProperties;
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
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The Daraja app's OAuth token (docs/providers.md#daraja-oauth), shared by every M-Pesa product: a token belongs to
 * the app, and generating a new one may invalidate the previous one, so the gateway keeps exactly one and
 * replaces it only before it expires or when Daraja rejects it. Fetched through the mpesa-http route.
 */
@Component("mpesaTokens")
public class MpesaTokens {

    private final AccessTokenCache cache;
    private final MpesaRequests requests;
    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public MpesaTokens(MpesaSettings settings, MpesaRequests requests, @Lazy ProducerTemplate producer,
                       ObjectMapper json) {
        this.requests = requests;
        this.producer = producer;
        this.json = json;
        this.cache = new AccessTokenCache("mpesa", this::fetch, settings.tokenRefreshBefore(), clock);
    }

    /** Sets the Bearer token on the exchange, for the provider call that follows. */
    public void authorize(Exchange exchange) {
        exchange.setProperty(ExchangeProperties.PROVIDER_AUTHORIZATION, "Bearer " + cache.token());
    }

    void invalidate(String authorization) {
        if (authorization != null && authorization.startsWith("Bearer ")) {
            cache.invalidate(authorization.substring("Bearer ".length()));
        }
    }

    private AccessToken fetch() {
        ProviderReply reply = ProviderHttp.send(producer, "direct:mpesa-http", requests.token());
        if (reply.status() == 400 || reply.status() == 401 || reply.status() == 403) {
            // 400.008.01 "Invalid Authentication passed", 400.008.02 "Invalid grant type passed" (docs/providers.md#daraja-oauth).
            throw new ProviderConfigurationException(FailureReason.PROVIDER_AUTHENTICATION_FAILED, "TOKEN_REFUSED",
                    "Daraja refused the consumer key and secret (" + reply.status() + ")");
        }
        if (reply.status() == 404 || reply.status() == 405) {
            throw new ProviderConfigurationException(FailureReason.PROVIDER_REJECTED_REQUEST,
                    "TOKEN_HTTP_" + reply.status(), "Daraja's token endpoint answered " + reply.status()
                    + ": check gateway.mpesa.base-url");
        }
        if (reply.status() != 200) {
            throw new RetryableProviderException("TOKEN_HTTP_" + reply.status(),
                    "Daraja's token endpoint answered " + reply.status(), false);
        }
        return parse(reply.body());
    }

    private AccessToken parse(String body) {
        try {
            JsonNode root = json.readTree(body);
            String token = root.path("access_token").asText("");
            // expires_in is the string "3599" in real answers and a number in the docs: accept both (docs/providers.md#daraja-oauth).
            long seconds = Long.parseLong(root.path("expires_in").asText("3599").trim());
            if (token.isBlank()) {
                throw new NumberFormatException("no access_token");
            }
            return AccessToken.issued(token, clock.instant(), Duration.ofSeconds(seconds));
        } catch (IOException | NumberFormatException e) {
            throw new RetryableProviderException("TOKEN_UNREADABLE", "Daraja's token answer could not be read", false);
        }
    }
}
