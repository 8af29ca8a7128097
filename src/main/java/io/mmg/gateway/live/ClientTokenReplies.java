package io.mmg.gateway.live;

import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.provider.GatewayUrls;
import io.mmg.gateway.security.AuthenticatedClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * POST /api/v1/payments/{id}/client-token: a client token for one of the merchant's payments, with the addresses a
 * checkout page subscribes at (route create-client-token, after the payment was found as the merchant's).
 */
@Component("clientTokenReplies")
public class ClientTokenReplies {

    /** The WebSocket of one payment: /api/v1/live/payments/{id}. */
    public static final String LIVE_PATHS = "/api/v1/live/payments/";
    public static final String EVENTS_SUFFIX = "/events";
    /** Exchange property: the message shape an adapter's route asks for (PaymentUpdate.MPESA_CHECKOUT). */
    public static final String LIVE_SHAPE = "liveShape";

    private final ClientTokens tokens;
    private final GatewayUrls urls;
    private final JsonReplies replies;

    public ClientTokenReplies(ClientTokens tokens, GatewayUrls urls, JsonReplies replies) {
        this.tokens = tokens;
        this.urls = urls;
        this.replies = replies;
    }

    public void issue(Map<String, Object> payment, Exchange exchange) {
        UUID paymentId = (UUID) payment.get("id");
        AuthenticatedClient client = exchange.getProperty("client", AuthenticatedClient.class);
        // An adapter's route (docs/compatibility.md) asks for its own message shape.
        String shape = exchange.getProperty(LIVE_SHAPE, String.class);
        ClientTokens.Issued issued = tokens.issue(paymentId, client.id(), shape);
        String query = "?token=" + URLEncoder.encode(issued.token(), StandardCharsets.UTF_8);
        String base = urls.publicUrl();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", issued.token());
        body.put("expiresAt", issued.expiresAt().toString());
        body.put("paymentId", paymentId.toString());
        String path = LIVE_PATHS + paymentId;
        body.put("websocketUrl", base.replaceFirst("^http", "ws") + path + query);
        body.put("eventsUrl", base + path + EVENTS_SUFFIX + query);
        replies.reply(exchange, 201, body);
    }
}
