package io.mmg.gateway.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.api.QueryParameters;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentJson;
import io.mmg.gateway.payment.PaymentLookups;
import io.mmg.gateway.payment.PaymentRows;
import io.mmg.gateway.payment.PaymentStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The operators' side of NEEDS_REVIEW (routes/admin.yaml): the review queue of every merchant, and the resolution
 * of one payment, applied by resolve-payment.sql (one conditional update and its ADMIN event, like every status
 * change). Only a payment in review can be resolved: an UNKNOWN one is still the gateway's to settle.
 */
@Component("paymentReviews")
public class PaymentReviews {

    private static final Logger log = LoggerFactory.getLogger(PaymentReviews.class);
    private static final int DEFAULT_SIZE = 20;
    private static final int MAX_SIZE = 100;
    private static final int MAX_UNKNOWN_AGE_MINUTES = 60 * 24 * 31;

    private final ObjectMapper json;
    private final JsonReplies replies;
    private final PaymentRows rows;
    private final PaymentJson paymentJson;

    public PaymentReviews(ObjectMapper json, JsonReplies replies, PaymentRows rows, PaymentJson paymentJson) {
        this.json = json;
        this.replies = replies;
        this.rows = rows;
        this.paymentJson = paymentJson;
    }

    /** resolve-payment.sql: the payment of the {id} path parameter and what the operator decided. */
    public Map<String, Object> resolutionParams(Exchange exchange) {
        UUID id = PaymentLookups.parseId(exchange.getMessage().getHeader("id", String.class));
        PaymentResolution resolution = PaymentResolution.parse(json, exchange.getMessage().getBody(String.class));
        FailureReason reason = resolution.status() == PaymentStatus.FAILED ? FailureReason.FAILED_ON_REVIEW : null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operator", resolution.operator());
        details.put("note", resolution.note());
        if (resolution.financialTransactionId() != null) {
            details.put("financialTransactionId", resolution.financialTransactionId());
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("status", resolution.status().name());
        params.put("reason", reason == null ? null : reason.name());
        params.put("errorMessage", reason == null ? null : reason.description());
        params.put("financialTransactionId", resolution.financialTransactionId());
        params.put("details", write(details));
        return params;
    }

    /** The answer to a resolution: the payment as it now is, or why nothing changed. */
    public void resolved(Exchange exchange, Map<String, Object> row) {
        String id = String.valueOf(exchange.getMessage().getHeader("id"));
        if (row == null || row.isEmpty()) {
            throw new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "No payment with this id", Map.of("id", id));
        }
        if (row.get("id") == null) {
            String status = String.valueOf(row.get("found_status"));
            throw new ApiException(ErrorCode.PAYMENT_NOT_IN_REVIEW,
                    "Only a payment in NEEDS_REVIEW can be resolved; this one is " + status,
                    Map.of("id", id, "status", status));
        }
        Payment payment = rows.toPayment(row);
        log.info("Payment {} resolved {} by an operator", payment.id(), payment.status());
        replies.reply(exchange, 200, view(payment));
    }

    /** list-payments-in-review.sql: one page of the queue. */
    public Map<String, Object> queueParams(Exchange exchange) {
        Map<String, Object> headers = exchange.getMessage().getHeaders();
        int page = QueryParameters.integer(headers, "page", 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int size = QueryParameters.integer(headers, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        // The console also shows UNKNOWN payments getting old, before the poller moves them into review.
        int unknownMinutes = QueryParameters.integer(headers, "unknownOlderThanMinutes", -1, 0, MAX_UNKNOWN_AGE_MINUTES);
        Map<String, Object> params = new HashMap<>();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        params.put("page", page);
        params.put("unknownBefore", unknownMinutes < 0 ? null
                : OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(unknownMinutes));
        return params;
    }

    /** GET /admin/payments/needs-review: oldest first, each payment with its merchant, and how many wait in all. */
    public void queue(Exchange exchange, List<Map<String, Object>> rowsOfPage, Map<String, Object> params, long total) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", rowsOfPage.stream().map(rows::toPayment).map(this::view).toList());
        body.put("page", params.get("page"));
        body.put("size", params.get("limit"));
        body.put("total", total);
        replies.reply(exchange, 200, body);
    }

    /** The payment as the merchant sees it, plus the merchant (operators work across merchants). */
    private Map<String, Object> view(Payment payment) {
        Map<String, Object> view = new LinkedHashMap<>(paymentJson.render(payment));
        view.put("clientId", payment.clientId().toString());
        return view;
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
