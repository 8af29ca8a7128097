package io.mmg.gateway.observability;

import io.mmg.gateway.payment.PhoneNumbers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * One INFO line for every status change, whichever path made it (initiation, callback, poller, refresh,
 * reconciliation, an operator's resolution). Every status change is one SQL statement that writes its event row and
 * returns the payment's row with its {@code previous_status} (apply-status.sql, record-initiation.sql,
 * resolve-payment.sql); this listens to what SQL steps return, so a statement added later that follows the same
 * rule is logged too, and nothing is logged for an update that changed nothing (a final payment, a duplicate).
 */
@Component
class StatusChangeLog extends EventNotifierSupport {

    private static final Logger log = LoggerFactory.getLogger(StatusChangeLog.class);
    private static final Pattern PROVIDER_CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,40}");

    StatusChangeLog() {
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        // Camel announces a "sent" event only for a send whose "sending" event a notifier took.
        return event instanceof ExchangeSendingEvent sending && sending.getEndpoint() instanceof SqlEndpoint
                || event instanceof ExchangeSentEvent sent && sent.getEndpoint() instanceof SqlEndpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof ExchangeSentEvent)) {
            return;
        }
        Exchange exchange = ((ExchangeSentEvent) event).getExchange();
        // With INFO off (benchmark.yaml) the line's masking and MDC work per statement would be spent for nothing.
        if (exchange.getException() != null || !log.isInfoEnabled()) {
            return;
        }
        Object body = exchange.getMessage().getBody();
        if (body instanceof Map<?, ?> row) {
            logIfChanged(row, exchange);
        } else if (body instanceof List<?> rows) {
            rows.stream().filter(Map.class::isInstance).forEach(row -> logIfChanged((Map<?, ?>) row, exchange));
        }
    }

    private static void logIfChanged(Map<?, ?> row, Exchange exchange) {
        Object from = row.get("previous_status");
        Object to = row.get("status");
        if (from == null || to == null || Objects.equals(from, to) || row.get("id") == null) {
            return;
        }
        String paymentId = row.get("id").toString();
        String phone = PhoneNumbers.mask(Objects.toString(row.get("phone_number"), null));
        String route = exchange.getUnitOfWork() != null && exchange.getUnitOfWork().getRoute() != null
                ? exchange.getUnitOfWork().getRoute().getRouteId() : exchange.getFromRouteId();
        String previousId = MDC.get(PaymentLogContext.PAYMENT_ID);
        MDC.put(PaymentLogContext.PAYMENT_ID, paymentId);
        try {
            // paymentId is a field already, from the MDC: the JSON formats refuse the same key twice.
            log.atInfo()
                    .addKeyValue("provider", row.get("provider"))
                    .addKeyValue("product", row.get("product"))
                    .addKeyValue("fromStatus", from)
                    .addKeyValue("toStatus", to)
                    .addKeyValue("reason", row.get("reason"))
                    .addKeyValue("phone", phone)
                    .addKeyValue("route", route)
                    .log("Payment {} {} {}: {} -> {}, reason {}, provider reason {}, phone {}, route {}", paymentId,
                            row.get("provider"), row.get("product"), from, to, orDash(row.get("reason")),
                            code(row.get("provider_reason")), phone, route);
        } finally {
            if (previousId == null) {
                MDC.remove(PaymentLogContext.PAYMENT_ID);
            } else {
                MDC.put(PaymentLogContext.PAYMENT_ID, previousId);
            }
        }
    }

    /** A provider's reason when it is a code; free text (it could quote a number) stays in the event row only. */
    private static String code(Object providerReason) {
        String text = Objects.toString(providerReason, "-");
        return PROVIDER_CODE.matcher(text).matches() ? text : "(text)";
    }

    private static Object orDash(Object value) {
        return value == null ? "-" : value;
    }
}
