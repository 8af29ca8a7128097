package io.mmg.gateway.webhook;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.security.AuthenticatedClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The merchant's webhook deliveries (routes/webhooks.yaml): list, one with its attempts, replay. Only its own. */
@Component("webhookDeliveryApi")
public class WebhookDeliveryApi {

    private final JsonReplies replies;

    public WebhookDeliveryApi(JsonReplies replies) {
        this.replies = replies;
    }

    public WebhookDeliveryQuery query(Exchange exchange) {
        return WebhookDeliveryQuery.parse(exchange.getMessage().getHeaders());
    }

    public Map<String, Object> queryParams(Exchange exchange, WebhookDeliveryQuery query) {
        return query.params(clientId(exchange));
    }

    /** list-webhook-deliveries.sql answers the page's rows, each with the total (one row without an id when empty). */
    public void page(Exchange exchange, List<Map<String, Object>> rows, WebhookDeliveryQuery query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", rows.stream().filter(row -> row.get("id") != null).map(WebhookRows::delivery).toList());
        body.put("page", query.page());
        body.put("size", query.size());
        body.put("total", rows.isEmpty() ? 0 : ((Number) rows.get(0).get("total")).longValue());
        replies.reply(exchange, 200, body);
    }

    /** The {id} path parameter, scoped to the client. */
    public Map<String, Object> byId(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        Map<String, Object> params = new HashMap<>();
        try {
            params.put("id", UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound(id);
        }
        params.put("clientId", clientId(exchange));
        return params;
    }

    /** Not this client's, or not there at all: the same answer, so ids of others cannot be probed. */
    public void requireFound(Map<String, Object> row, Exchange exchange) {
        if (row == null || row.isEmpty() || row.get("id") == null) {
            throw notFound(exchange.getMessage().getHeader("id", String.class));
        }
    }

    public void one(Exchange exchange, Map<String, Object> delivery, List<Map<String, Object>> attempts) {
        replies.reply(exchange, 200, WebhookRows.deliveryWithAttempts(delivery, attempts));
    }

    /** replay-webhook-delivery.sql says whether the delivery exists, whether there is an endpoint, and the row. */
    public void replayed(Exchange exchange, Map<String, Object> row) {
        if (!Boolean.TRUE.equals(row.get("found"))) {
            throw notFound(exchange.getMessage().getHeader("id", String.class));
        }
        if (!Boolean.TRUE.equals(row.get("has_endpoint"))) {
            throw new ApiException(ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND,
                    "No webhook endpoint is configured to replay to; set one with PUT /api/v1/webhook-endpoint");
        }
        replies.reply(exchange, 202, WebhookRows.delivery(row));
    }

    private static ApiException notFound(String id) {
        return new ApiException(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, "No webhook delivery with this id",
                Map.of("id", String.valueOf(id)));
    }

    private static UUID clientId(Exchange exchange) {
        return exchange.getProperty(ExchangeProperties.CLIENT, AuthenticatedClient.class).id();
    }
}
