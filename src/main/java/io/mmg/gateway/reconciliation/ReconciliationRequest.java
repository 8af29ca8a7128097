package io.mmg.gateway.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.payment.PaymentQuery;
import io.mmg.gateway.payment.PaymentRequestParser;
import io.mmg.gateway.payment.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * The body of POST /reconciliation-runs: {@code from} and {@code to} (an ISO day, {@code to} meaning its end, or an
 * instant; payments created in [from, to)) and an optional {@code provider}.
 */
public record ReconciliationRequest(Instant from, Instant to, Provider provider) {

    static final Set<String> FIELDS = Set.of("from", "to", "provider");

    public static ReconciliationRequest parse(JsonNode root, Duration maxSpan, Instant now) {
        PaymentRequestParser.rejectUnknownFields(root, FIELDS);
        Instant from = PaymentQuery.parseInstant(required(root, "from"), "from", false);
        Instant to = PaymentQuery.parseInstant(required(root, "to"), "to", true);
        if (!from.isBefore(to)) {
            throw ApiException.invalidField("from", "from must be before to");
        }
        if (Duration.between(from, to).compareTo(maxSpan) > 0) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The period may span at most " + describe(maxSpan),
                    Map.of("field", "to", "maxSpan", maxSpan.toString()));
        }
        if (from.isAfter(now)) {
            throw ApiException.invalidField("from", "from is in the future: there is nothing to reconcile yet");
        }
        return new ReconciliationRequest(from, to, provider(root));
    }

    private static String required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.invalidField(field, field + " is required: an ISO-8601 date (2026-11-01) or instant");
        }
        if (!node.isTextual()) {
            throw ApiException.invalidField(field, field + " must be a string");
        }
        return node.asText().trim();
    }

    private static Provider provider(JsonNode root) {
        JsonNode node = root.get("provider");
        if (node == null || node.isNull()) {
            return null;
        }
        return (node.isTextual() ? Provider.parse(node.asText()) : java.util.Optional.<Provider>empty())
                .orElseThrow(() -> ApiException.invalidField("provider",
                        "provider must be one of " + Arrays.toString(Provider.values())));
    }

    private static String describe(Duration span) {
        long days = span.toDays();
        return days * 86_400 == span.toSeconds() ? days + " days" : span.toString();
    }
}
