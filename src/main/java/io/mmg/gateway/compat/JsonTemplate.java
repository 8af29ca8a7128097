package io.mmg.gateway.compat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.payment.PaymentRequestParser;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Adapts JSON between an API the gateway is compatible with and its own, by a template written in the route
 * file (routes/compat-*.yaml, docs/compatibility.md). A template is the JSON to produce; a string in it that
 * starts with {@code $} is a reference into the source, {@code "$amount"} or {@code "$details.phone_number"},
 * optionally passed through {@link TemplateFilters filters}: {@code "$status|map:SUCCESSFUL=completed"}.
 * {@code "$$..."} is a literal string starting with {@code $}; any other value is copied as it is.
 * An object with {@code "$each": "$items"} becomes an array, one copy of the object's other fields per element
 * of {@code items}; a path that crosses arrays ({@code "$methods.currencies"}) takes every element of each.
 * Inside, a reference is looked up in the element first, then in the objects around it, as in Mustache.
 */
@Component("jsonTemplate")
public class JsonTemplate {

    private static final String EACH = "$each";

    // Exact decimals: an old API's 1000.00 must never pass through a double.
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private final PaymentRequestParser parser;
    private final JsonReplies replies;

    public JsonTemplate(PaymentRequestParser parser, JsonReplies replies) {
        this.parser = parser;
        this.replies = replies;
    }

    /**
     * The request body in the other API's shape, as the gateway's: fields the template does not name are refused,
     * as the gateway refuses unknown fields, so a typo never goes unnoticed. Remembers which of the caller's fields
     * became which of the gateway's, so that an error's {@code details.field} names the caller's own field.
     */
    public void request(Exchange exchange, String template) {
        exchange.getMessage().setBody(write(adapt(exchange, template)));
    }

    /** The same, with each field of the result set as a message header (path and query parameters). */
    public void requestToHeaders(Exchange exchange, String template) {
        adapt(exchange, template).fields().forEachRemaining(field -> setHeader(exchange, field.getKey(), field.getValue()));
        exchange.getMessage().setBody(null);
    }

    /** Query parameters (message headers) through a template: each field of the result becomes a header. */
    public void headers(Exchange exchange, String template) {
        ObjectNode source = json.createObjectNode();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (value instanceof String || value instanceof Number) {
                source.put(name, value.toString());
            }
        });
        fill(read(template), new Scope(source, null)).fields()
                .forEachRemaining(field -> setHeader(exchange, field.getKey(), field.getValue()));
    }

    /**
     * The gateway's answer (a JSON body) in the other API's shape, answered with {@code status}. An error answer
     * (4xx, 5xx) stays as it is: the error format is the same for every API.
     */
    public void reply(Exchange exchange, String template, int status) {
        if (isError(exchange)) {
            return;
        }
        JsonNode answer = read(exchange.getMessage().getBody(String.class));
        replies.reply(exchange, status, fill(read(template), new Scope(answer, null)));
    }

    /** Refuses the gateway's answer, with this code and message, when its {@code field} is not {@code expected}. */
    public void requireMatch(Exchange exchange, String field, String expected, String errorCode, String message) {
        if (isError(exchange) || expected == null || expected.isBlank()) {
            return;
        }
        JsonNode actual = read(exchange.getMessage().getBody(String.class)).path(field);
        if (!expected.equals(actual.asText(null))) {
            throw new ApiException(ErrorCode.valueOf(errorCode), message, Map.of("expected", expected));
        }
    }

    /** The body without {@code field} when it holds {@code value}; any other body as it is. */
    public String without(String body, String field, String value) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return body;
        }
        if (root instanceof ObjectNode object && value.equals(object.path(field).asText(null))) {
            object.remove(field);
            return write(object);
        }
        return body;
    }

    private JsonNode adapt(Exchange exchange, String template) {
        JsonNode source = parser.readObject(exchange.getMessage().getBody(String.class));
        JsonNode shape = read(template);
        PaymentRequestParser.rejectUnknownFields(source, fieldsNamedBy(shape));
        Map<String, String> callerNames = new HashMap<>();
        callerNames(shape, "", callerNames);
        exchange.setProperty(ExchangeProperties.CALLER_FIELD_NAMES, callerNames);
        return fill(shape, new Scope(source, null));
    }

    /** "phoneNumber" came from "phone_number", "details.phoneNumber" from "details.phone_number". */
    static void callerNames(JsonNode template, String prefix, Map<String, String> names) {
        template.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isTextual() && value.asText().startsWith("$") && !value.asText().startsWith("$$")) {
                TemplateReference reference = TemplateReference.parse(value.asText());
                if (!reference.path().isEmpty()) {
                    names.put(prefix + field.getKey(), String.join(".", reference.path()));
                }
            } else if (value.isObject() && !value.has(EACH)) {
                callerNames(value, prefix + field.getKey() + ".", names);
            }
        });
    }

    JsonNode fill(JsonNode template, Scope scope) {
        if (template.isTextual() && template.asText().startsWith("$")) {
            String text = template.asText();
            return text.startsWith("$$") ? TextNode.valueOf(text.substring(1)) : TemplateReference.parse(text).resolve(scope);
        }
        if (template.isObject() && template.has(EACH)) {
            ArrayNode items = json.createArrayNode();
            ObjectNode item = ((ObjectNode) template).deepCopy();
            item.remove(EACH);
            for (Scope element : TemplateReference.parse(template.get(EACH).asText()).each(scope)) {
                items.add(fill(item, element));
            }
            return items;
        }
        if (template.isObject()) {
            ObjectNode filled = json.createObjectNode();
            template.fields().forEachRemaining(field -> filled.set(field.getKey(), fill(field.getValue(), scope)));
            return filled;
        }
        if (template.isArray()) {
            ArrayNode filled = json.createArrayNode();
            template.forEach(element -> filled.add(fill(element, scope)));
            return filled;
        }
        return template.deepCopy();
    }

    /** The top-level fields of the source a template reads: what a request in the other API may contain. */
    static Set<String> fieldsNamedBy(JsonNode template) {
        Set<String> fields = new TreeSet<>();
        collect(template, fields);
        return fields;
    }

    private static void collect(JsonNode template, Set<String> fields) {
        if (template.isTextual() && template.asText().startsWith("$") && !template.asText().startsWith("$$")) {
            TemplateReference.parse(template.asText()).firstField().ifPresent(fields::add);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
            collect(it.next().getValue(), fields);
        }
        if (template.isArray()) {
            template.forEach(element -> collect(element, fields));
        }
    }

    private static boolean isError(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status != null && status >= 400;
    }

    private static void setHeader(Exchange exchange, String name, JsonNode value) {
        if (value == null || value.isNull()) {
            exchange.getMessage().removeHeader(name);
        } else {
            exchange.getMessage().setHeader(name, value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText());
        }
    }

    private JsonNode read(String text) {
        try {
            JsonNode node = json.readTree(text == null ? "" : text);
            return node == null ? NullNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: a template or the gateway's own answer", e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One level of the source a reference is looked up in, and the level around it. */
    record Scope(JsonNode node, Scope parent) {
    }
}
