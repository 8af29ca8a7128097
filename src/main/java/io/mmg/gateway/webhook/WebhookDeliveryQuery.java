package io.mmg.gateway.webhook;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.QueryParameters;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Filters and page of GET /webhook-deliveries: status, paymentId, page (from 0), size (1..100). */
public record WebhookDeliveryQuery(String status, UUID paymentId, int page, int size) {

    static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED");
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    public static WebhookDeliveryQuery parse(Map<String, Object> headers) {
        String status = QueryParameters.text(headers, "status");
        if (status != null) {
            status = status.toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(status)) {
                throw ApiException.invalidField("status", "status must be one of " + STATUSES.stream().sorted().toList());
            }
        }
        String paymentId = QueryParameters.text(headers, "paymentId");
        UUID payment;
        try {
            payment = paymentId == null ? null : UUID.fromString(paymentId);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("paymentId", "paymentId must be a payment id (a UUID)");
        }
        int page = QueryParameters.integer(headers, "page", 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int size = QueryParameters.integer(headers, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        return new WebhookDeliveryQuery(status, payment, page, size);
    }

    /** Parameters of list-webhook-deliveries.sql. */
    public Map<String, Object> params(UUID clientId) {
        Map<String, Object> params = new HashMap<>();
        params.put("clientId", clientId);
        params.put("status", status);
        params.put("paymentId", paymentId == null ? null : paymentId.toString());
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return params;
    }
}
