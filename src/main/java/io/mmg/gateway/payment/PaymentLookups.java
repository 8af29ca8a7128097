package io.mmg.gateway.payment;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Parameters for reading payments, always scoped to the authenticated client. */
@Component("paymentLookups")
public class PaymentLookups {

    /** select-payment.sql: the payment with the {id} path parameter, if it is this client's. */
    public Map<String, Object> byId(Exchange exchange) {
        PaymentClient client = exchange.getProperty(ExchangeProperties.CLIENT, PaymentClient.class);
        String id = exchange.getMessage().getHeader("id", String.class);
        return Map.of("id", parseId(id), "clientId", client.id());
    }

    /** Not this client's, or not there at all: the same answer, so ids of others cannot be probed. */
    public void requireFound(Map<String, Object> row, Exchange exchange) {
        if (row == null || row.isEmpty()) {
            throw new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "No payment with this id",
                    Map.of("id", String.valueOf(exchange.getMessage().getHeader("id"))));
        }
    }

    public PaymentQuery query(Exchange exchange) {
        return PaymentQuery.parse(exchange.getMessage().getHeaders());
    }

    public Map<String, Object> queryParams(Exchange exchange, PaymentQuery query) {
        PaymentClient client = exchange.getProperty(ExchangeProperties.CLIENT, PaymentClient.class);
        return query.params(client.id());
    }

    public static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "No payment with this id", Map.of("id", String.valueOf(id)));
        }
    }
}
