package io.mmg.gateway.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mmg.gateway.api.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The filters a {@link JsonTemplate} reference may name after {@code |}, each turning one JSON value into
 * another. A null value stays null through every filter but {@code map} (which may give it a default).
 * <ul>
 *   <li>{@code text}: the value as a string ({@code 123} becomes {@code "123"});</li>
 *   <li>{@code number}: a decimal string as an exact JSON number ({@code "1000"} becomes {@code 1000});</li>
 *   <li>{@code lower}, {@code upper}: the text in lower or upper case;</li>
 *   <li>{@code map:A=a,B=b,*=other}: one word for another ({@code *}: any other value, null included);
 *       without {@code *} a value not listed stays as it is;</li>
 *   <li>{@code date:yyyy-MM-dd HH:mm:ss}: an ISO-8601 instant written with that pattern, in UTC;</li>
 *   <li>{@code plus:1}: a number plus another (page numbers that count from 1 instead of 0).</li>
 * </ul>
 */
final class TemplateFilters {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private TemplateFilters() {
    }

    /** @param what the reference, for a clear error about the caller's value */
    static JsonNode apply(String filter, JsonNode value, String what) {
        int colon = filter.indexOf(':');
        String name = (colon < 0 ? filter : filter.substring(0, colon)).trim();
        String argument = colon < 0 ? null : filter.substring(colon + 1);
        if ("map".equals(name)) {
            return map(required(name, argument), value);
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NullNode.getInstance();
        }
        return switch (name) {
            case "text" -> TextNode.valueOf(text(value));
            case "number" -> DecimalNode.valueOf(decimal(value, what));
            case "lower" -> TextNode.valueOf(text(value).toLowerCase(Locale.ROOT));
            case "upper" -> TextNode.valueOf(text(value).toUpperCase(Locale.ROOT));
            case "date" -> TextNode.valueOf(date(value, required(name, argument), what));
            case "plus" -> NODES.numberNode(decimal(value, what).add(new BigDecimal(required(name, argument).trim())));
            default -> throw new IllegalArgumentException("Unknown template filter '" + name + "'");
        };
    }

    private static JsonNode map(String dictionary, JsonNode value) {
        String key = value == null || value.isNull() || value.isMissingNode() ? null : text(value);
        String fallback = null;
        for (String entry : dictionary.split(",")) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("A map filter entry is FROM=TO, not '" + entry + "'");
            }
            String from = entry.substring(0, equals).trim();
            String to = entry.substring(equals + 1).trim();
            if (from.equals(key)) {
                return TextNode.valueOf(to);
            }
            if (from.equals("*")) {
                fallback = to;
            }
        }
        if (fallback != null) {
            return TextNode.valueOf(fallback);
        }
        return value == null ? NullNode.getInstance() : value;
    }

    private static String text(JsonNode value) {
        return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
    }

    private static BigDecimal decimal(JsonNode value, String what) {
        try {
            return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(what, what + " must be a number");
        }
    }

    private static String date(JsonNode value, String pattern, String what) {
        try {
            return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(Instant.parse(value.asText()));
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(what, what + " must be an ISO-8601 instant");
        }
    }

    private static String required(String filter, String argument) {
        if (argument == null || argument.isBlank()) {
            throw new IllegalArgumentException("The template filter '" + filter + "' needs an argument (" + filter + ":...)");
        }
        return argument;
    }
}
