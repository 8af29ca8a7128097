package io.mmg.gateway.payment;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.api.JsonReplies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Answers about payments. The answer to a payment request is stored as an HTTP status
 * (payment.response_code), so that an Idempotency-Key replay answers exactly like the first time,
 * showing the payment as it is now.
 */
@Component("paymentReplies")
public class PaymentReplies {

    private final JsonReplies replies;
    private final PaymentJson paymentJson;
    private final PaymentRows rows;

    public PaymentReplies(JsonReplies replies, PaymentJson paymentJson, PaymentRows rows) {
        this.replies = replies;
        this.paymentJson = paymentJson;
        this.rows = rows;
    }

    /** The answer to POST /collections etc., after record-initiation.sql returned the row. */
    public void initiated(Exchange exchange, Map<String, Object> row) {
        Payment payment = rows.toPayment(row);
        answer(exchange, payment, payment.responseCode());
    }

    /**
     * Same Idempotency-Key again: same body gives the first answer (current state), another body is
     * a conflict, and a first request still running is a conflict too (try again shortly). A first request
     * that can no longer be running but never recorded its answer (it died) gives the payment as it is now:
     * a key is never stuck "in progress".
     */
    public void replay(Exchange exchange, Map<String, Object> row) {
        String requestHash = exchange.getProperty(ExchangeProperties.REQUEST, PaymentRequest.class).requestHash();
        if (row == null || row.isEmpty()) {
            // The first request released its key while we raced it: safe to ask the client to retry.
            throw new ApiException(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                    "A request with this Idempotency-Key has just finished; retry it");
        }
        Payment payment = rows.toPayment(row);
        if (!payment.requestHash().equals(requestHash)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request",
                    Map.of("paymentId", payment.id().toString()));
        }
        boolean mayBeRunning = Boolean.TRUE.equals(row.get("request_may_be_running"));
        if (payment.responseCode() == null && mayBeRunning) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                    "The first request with this Idempotency-Key is still being processed; retry shortly",
                    Map.of("paymentId", payment.id().toString()));
        }
        answer(exchange, payment, payment.responseCode() == null ? 202 : payment.responseCode());
        exchange.getMessage().setHeader("Idempotent-Replayed", "true");
    }

    /** GET /payments/{id}. */
    public void one(Exchange exchange, Map<String, Object> row) {
        replies.reply(exchange, 200, paymentJson.render(rows.toPayment(row)));
    }

    /** GET /payments: one page and the total. */
    public void page(Exchange exchange, List<Map<String, Object>> rowsOfPage, PaymentQuery query, long total) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", rowsOfPage.stream().map(rows::toPayment).map(paymentJson::render).toList());
        body.put("page", query.page());
        body.put("size", query.size());
        body.put("total", total);
        replies.reply(exchange, 200, body);
    }

    private void answer(Exchange exchange, Payment payment, int status) {
        if (status == 202 || status == 200 || status == 201) {
            replies.reply(exchange, status, paymentJson.render(payment));
            return;
        }
        ErrorCode code = switch (status) {
            case 503 -> ErrorCode.PROVIDER_UNAVAILABLE;
            case 502 -> ErrorCode.PROVIDER_ERROR;
            default -> ErrorCode.PAYMENT_FAILED;
        };
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("paymentId", payment.id().toString());
        details.put("reason", payment.reason());
        details.put("providerReason", payment.providerReason());
        details.put("payment", paymentJson.render(payment));
        String message = payment.errorMessage() != null ? payment.errorMessage() : "The payment failed";
        replies.replyError(exchange, code, message, details);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    }
}
