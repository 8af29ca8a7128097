package io.mmg.gateway.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * For custom route steps (docs/routes.md): adds a key to the {@code metadata} of a payment request before it is
 * parsed, so the payment carries it (GET /payments/{id}, webhooks). A body that is not a JSON object is left as
 * it is: the request's own validation then answers the merchant as usual.
 */
@Component("paymentTags")
public class PaymentTags {

    private final ObjectMapper json;

    public PaymentTags(ObjectMapper json) {
        this.json = json;
    }

    public String tag(String body, String key, String value) {
        try {
            JsonNode root = json.readTree(body == null ? "" : body);
            if (!(root instanceof ObjectNode request)) {
                return body;
            }
            JsonNode metadata = request.get("metadata");
            ObjectNode tags = metadata instanceof ObjectNode existing ? existing : request.putObject("metadata");
            tags.put(key, value);
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            return body;
        }
    }
}
