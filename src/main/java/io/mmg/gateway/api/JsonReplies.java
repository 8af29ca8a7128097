package io.mmg.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Writes an HTTP answer on the exchange. Clears every header first, so nothing from the incoming
 * request (the caller's API key) or from a provider's answer ever leaks into a reply.
 */
@Component
public class JsonReplies {

    private final ObjectMapper json;

    public JsonReplies(ObjectMapper json) {
        this.json = json;
    }

    public void reply(Exchange exchange, int status, Object body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        ReplyHeaders.restore(exchange);
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(write(body));
    }

    public void replyError(Exchange exchange, ErrorCode code, String message, Map<String, ?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("code", code.name());
        body.put("details", details == null ? Map.of() : details);
        reply(exchange, code.httpStatus(), body);
    }

    public String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON reply", e);
        }
    }
}
