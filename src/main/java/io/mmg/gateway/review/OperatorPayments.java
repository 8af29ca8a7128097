package io.mmg.gateway.review;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.JsonReplies;
import io.mmg.gateway.api.QueryParameters;
import io.mmg.gateway.payment.PaymentEvents;
import io.mmg.gateway.payment.PaymentJson;
import io.mmg.gateway.payment.PaymentLookups;
import io.mmg.gateway.payment.PaymentQuery;
import io.mmg.gateway.payment.PaymentRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Every merchant's payments for the operator (routes/admin.yaml, admin key; the operator console's Payments page):
 * the same filters as a merchant's GET /payments plus {@code clientId}, and one payment with its history. Read only.
 */
@Component("operatorPayments")
public class OperatorPayments {

    private final JsonReplies replies;
    private final PaymentRows rows;
    private final PaymentJson paymentJson;

    public OperatorPayments(JsonReplies replies, PaymentRows rows, PaymentJson paymentJson) {
        this.replies = replies;
        this.rows = rows;
        this.paymentJson = paymentJson;
    }

    /** admin-list-payments.sql: the filters of GET /payments, any merchant unless clientId names one. */
    public Map<String, Object> queryParams(Exchange exchange, PaymentQuery query) {
        String clientId = QueryParameters.text(exchange.getMessage().getHeaders(), "clientId");
        Map<String, Object> params = query.params(null);
        try {
            params.put("clientId", clientId == null ? null : UUID.fromString(clientId));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("clientId", "clientId must be a merchant's id (a UUID)");
        }
        return params;
    }

    public void page(Exchange exchange, List<Map<String, Object>> rowsOfPage, PaymentQuery query, long total) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", rowsOfPage.stream().map(row -> view(row, null)).toList());
        body.put("page", query.page());
        body.put("size", query.size());
        body.put("total", total);
        replies.reply(exchange, 200, body);
    }

    /** admin-select-payment.sql: the payment with the {id} path parameter, whoever's it is. */
    public Map<String, Object> byId(Exchange exchange) {
        return Map.of("id", PaymentLookups.parseId(exchange.getMessage().getHeader("id", String.class)));
    }

    /** GET /admin/payments/{id}: the payment, its merchant and its events. */
    public void one(Exchange exchange, Map<String, Object> row, List<Map<String, Object>> events) {
        if (row == null || row.isEmpty()) {
            throw new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "No payment with this id",
                    Map.of("id", String.valueOf(exchange.getMessage().getHeader("id"))));
        }
        replies.reply(exchange, 200, view(row, PaymentEvents.render(events)));
    }

    private Map<String, Object> view(Map<String, Object> row, List<Map<String, Object>> events) {
        Map<String, Object> view = new LinkedHashMap<>(paymentJson.render(rows.toPayment(row)));
        view.put("clientId", String.valueOf(row.get("client_id")));
        if (events != null) {
            view.put("events", events);
        }
        return view;
    }
}
