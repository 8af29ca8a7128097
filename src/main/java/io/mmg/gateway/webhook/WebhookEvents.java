package io.mmg.gateway.webhook;

import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.payment.PaymentJson;
import io.mmg.gateway.payment.PaymentRows;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The body of a webhook: an event envelope {"id", "type", "createdAt", "data"} whose data is the payment
 * exactly as GET /api/v1/payments/{id} renders it. The id is the delivery's, the same on every retry and
 * replay, so the merchant can de-duplicate.
 */
@Component
public class WebhookEvents {

    private final PaymentRows rows;
    private final PaymentJson paymentJson;
    private final JsonReplies json;

    public WebhookEvents(PaymentRows rows, PaymentJson paymentJson, JsonReplies json) {
        this.rows = rows;
        this.paymentJson = paymentJson;
        this.json = json;
    }

    /** {@code paymentRow} is a row of select-payment.sql. */
    public String envelope(WebhookDelivery delivery, Map<String, Object> paymentRow) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", delivery.id().toString());
        event.put("type", delivery.eventType());
        event.put("createdAt", delivery.createdAt().toString());
        event.put("data", paymentJson.render(rows.toPayment(paymentRow)));
        return json.write(event);
    }
}
