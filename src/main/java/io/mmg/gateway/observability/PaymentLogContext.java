package io.mmg.gateway.observability;

import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.payment.Payment;
import java.util.UUID;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the payment id into the logging context (MDC key {@value #PAYMENT_ID}) around every route step of an exchange
 * that knows its payment, so every line logged while a payment is processed (API, callbacks, poller, batches,
 * reconciliation) carries it, also on the poller's and the batches' worker threads. Camel's own MDC logging only
 * carries its exchange and route ids; the step-level wrap also restores what the thread had before, so a pooled
 * thread never keeps the id of a payment it has finished with.
 */
@Component
class PaymentLogContext implements InterceptStrategy {

    static final String PAYMENT_ID = "paymentId";
    /** The path parameter of /callbacks/{provider}/{paymentId}: known before the payment is read. */
    private static final String CALLBACK_PATH_ID = "paymentId";

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                String paymentId = paymentIdOf(exchange);
                if (paymentId == null) {
                    return processor.process(exchange, callback);
                }
                String previous = MDC.get(PAYMENT_ID);
                MDC.put(PAYMENT_ID, paymentId);
                try {
                    return processor.process(exchange, callback);
                } finally {
                    if (previous == null) {
                        MDC.remove(PAYMENT_ID);
                    } else {
                        MDC.put(PAYMENT_ID, previous);
                    }
                }
            }
        };
    }

    static String paymentIdOf(Exchange exchange) {
        Object stored = exchange.getProperty(ExchangeProperties.STORED_PAYMENT_ID);
        if (stored != null) {
            return stored.toString();
        }
        if (exchange.getProperty(ExchangeProperties.PAYMENT) instanceof Payment payment) {
            return payment.id().toString();
        }
        // A callback's path names its payment; only a well-formed id goes to the logs (the path is the caller's).
        Object fromPath = exchange.getMessage().getHeader(CALLBACK_PATH_ID);
        return fromPath instanceof String text && isUuid(text) ? text : null;
    }

    private static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
