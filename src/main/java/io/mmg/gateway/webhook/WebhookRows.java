package io.mmg.gateway.webhook;

import io.mmg.gateway.api.RawJson;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's view of webhook_delivery and webhook_attempt rows. */
final class WebhookRows {

    private WebhookRows() {
    }

    static Map<String, Object> delivery(Map<String, Object> row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.get("id").toString());
        view.put("type", row.get("event_type"));
        view.put("paymentId", row.get("payment_id").toString());
        view.put("status", row.get("status"));
        view.put("attemptCount", row.get("attempts"));
        view.put("lastHttpStatus", row.get("last_http_status"));
        view.put("lastError", row.get("last_error"));
        view.put("createdAt", instant(row.get("created_at")));
        view.put("firstAttemptAt", instant(row.get("first_attempt_at")));
        view.put("lastAttemptAt", instant(row.get("last_attempt_at")));
        view.put("nextAttemptAt", "PENDING".equals(row.get("status")) ? instant(row.get("next_attempt_at")) : null);
        view.put("deliveredAt", instant(row.get("delivered_at")));
        view.put("replays", row.get("replays"));
        return view;
    }

    /** One delivery with the event as it is sent (null before the first attempt) and every attempt. */
    static Map<String, Object> deliveryWithAttempts(Map<String, Object> row, List<Map<String, Object>> attempts) {
        Map<String, Object> view = delivery(row);
        view.put("event", row.get("payload") == null ? null : new RawJson((String) row.get("payload")));
        view.put("attempts", attempts.stream().map(WebhookRows::attempt).toList());
        return view;
    }

    private static Map<String, Object> attempt(Map<String, Object> row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("number", row.get("number"));
        view.put("attemptedAt", instant(row.get("attempted_at")));
        view.put("url", row.get("url"));
        view.put("httpStatus", row.get("http_status"));
        view.put("error", row.get("error"));
        view.put("durationMs", row.get("duration_ms"));
        return view;
    }

    static String instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant().toString() : null;
    }
}
