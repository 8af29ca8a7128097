package io.mmg.gateway.sandbox.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The checks Daraja makes on a request body's fields, each failing with "Bad Request - Invalid &lt;Field&gt;"
 * (400.002.02, docs/providers.md#daraja-errors). Numbers and strings are both accepted for numeric fields, as Daraja does in practice (docs/providers.md#daraja-stk-push).
 */
final class MpesaSandboxRequest {

    private final JsonNode body;

    private MpesaSandboxRequest(JsonNode body) {
        this.body = body;
    }

    /** Not a JSON object: 400.002.05 "Invalid Request Payload" (docs/providers.md#daraja-simulator-checks). */
    static MpesaSandboxRequest of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw MpesaSandboxException.of(MpesaErrorBody.INVALID_PAYLOAD);
        }
        return new MpesaSandboxRequest(body);
    }

    JsonNode json() {
        return body;
    }

    /**
     * The field as text, or null when absent, null or blank. Not trimmed: Daraja compares values as sent, so
     * {@code "CustomerPayBillOnline "} or {@code " 174379"} is "Invalid &lt;Field&gt;" there (docs/providers.md#daraja-errors) and here.
     */
    String text(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.isNumber() ? node.decimalValue().toPlainString() : node.asText();
        return text.isBlank() ? null : text;
    }

    String required(String field) {
        String value = text(field);
        if (value == null) {
            throw MpesaSandboxException.invalid(field);
        }
        return value;
    }

    /** A shortcode: 5 to 7 digits (docs/providers.md#daraja-stk-push). */
    String shortCode(String field) {
        String value = required(field);
        if (!value.matches("\\d{5,7}")) {
            throw MpesaSandboxException.invalid(field);
        }
        return value;
    }

    /** A Safaricom customer number: 2547XXXXXXXX or 2541XXXXXXXX (docs/providers.md#daraja-stk-push). */
    String msisdn(String field) {
        String value = required(field);
        if (!value.matches("254[17]\\d{8}")) {
            throw MpesaSandboxException.invalid(field);
        }
        return value;
    }

    /** Whole shillings, at least 1 (docs/providers.md#daraja-stk-push: decimals are not documented; refused here). */
    BigDecimal amount(String field) {
        String value = required(field);
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 0) {
                throw MpesaSandboxException.invalid(field);
            }
            return amount.setScale(0);
        } catch (NumberFormatException e) {
            throw MpesaSandboxException.invalid(field);
        }
    }

    /** An http(s) URL with a host, where the result will be posted. */
    URI url(String field) {
        String value = required(field);
        try {
            URI url = new URI(value);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw MpesaSandboxException.invalid(field);
            }
            return url;
        } catch (URISyntaxException e) {
            throw MpesaSandboxException.invalid(field);
        }
    }

    /** Optional text of at most {@code max} characters; when {@code required}, at least {@code min}. */
    String length(String field, boolean required, int min, int max) {
        String value = required ? required(field) : text(field);
        if (value != null && (value.length() < min || value.length() > max)) {
            throw MpesaSandboxException.invalid(field);
        }
        return value;
    }

    /** One of the given values, exactly (Daraja's CommandIDs and types are case sensitive). */
    String oneOf(String field, String... allowed) {
        String value = required(field);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw MpesaSandboxException.invalid(field);
    }
}
