package io.mmg.gateway.cancellation;

import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.security.AuthenticatedClient;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The poller's automatic refunds of cancelled collections the customer paid after all (routes/cancellation.yaml,
 * docs/cancellation.md). Each goes through create-refund exactly as a merchant's POST /payments/{id}/refunds with
 * no amount would, under the merchant's identity and an Idempotency-Key that select-refunds-due.sql derives, so the
 * refunded total rule and the key's uniqueness keep it to one refund that may move money at a time.
 */
@Component("lateSuccessRefunds")
public class LateSuccessRefunds {

    /** The refund's payer message and payee note; select-refunds-due.sql recognises failed automatic refunds by it. */
    static final String REASON = "Automatic refund - paid after cancellation";
    static final int MAX_ATTEMPTS = 3;
    private static final int BATCH_SIZE = 20;
    private static final Logger log = LoggerFactory.getLogger(LateSuccessRefunds.class);

    public Map<String, Object> dueParams() {
        return Map.of("reason", REASON, "maxAttempts", MAX_ATTEMPTS, "batchSize", BATCH_SIZE);
    }

    /** Makes the exchange the merchant's refund request for one row of select-refunds-due.sql. */
    public void prepare(Exchange exchange, Map<String, Object> due) {
        UUID paymentId = (UUID) due.get("id");
        exchange.getMessage().removeHeaders("*");
        exchange.setProperty(ExchangeProperties.CLIENT, new AuthenticatedClient((UUID) due.get("client_id"), null));
        exchange.setProperty("lateSuccessPaymentId", paymentId);
        exchange.getMessage().setHeader("id", paymentId.toString());
        exchange.getMessage().setHeader("Idempotency-Key", due.get("refund_key"));
        exchange.getMessage().setBody("{\"reason\":\"" + REASON + "\"}");
    }

    /** The refund route answers like the API would; the poller only logs it (the refund is a payment of its own). */
    public void logResult(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Object paymentId = exchange.getProperty("lateSuccessPaymentId");
        if (status != null && status >= 400 && status != 422) {
            log.warn("Automatic refund of cancelled payment {} not started now ({}); the poller tries again",
                    paymentId, status);
        } else {
            log.info("Automatic refund of cancelled payment {} answered {}", paymentId, status);
        }
    }
}
