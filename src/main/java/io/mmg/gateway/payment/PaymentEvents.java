package io.mmg.gateway.payment;

import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.api.RawJson;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** GET /payments/{id}/events: the append-only history of a payment. */
@Component("paymentEvents")
public class PaymentEvents {

    private final JsonReplies replies;

    public PaymentEvents(JsonReplies replies) {
        this.replies = replies;
    }

    public void reply(Exchange exchange, List<Map<String, Object>> rows) {
        replies.reply(exchange, 200, Map.of("events", render(rows)));
    }

    /** Rows of select-payment-events.sql as the API shows them. */
    public static List<Map<String, Object>> render(List<Map<String, Object>> rows) {
        return rows.stream().map(PaymentEvents::event).toList();
    }

    private static Map<String, Object> event(Map<String, Object> row) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", row.get("type"));
        event.put("fromStatus", row.get("from_status"));
        event.put("toStatus", row.get("to_status"));
        event.put("reason", row.get("reason"));
        event.put("source", row.get("source"));
        event.put("details", row.get("details") == null ? null : new RawJson(row.get("details").toString()));
        event.put("createdAt", ((Timestamp) row.get("created_at")).toInstant().toString());
        return event;
    }
}
