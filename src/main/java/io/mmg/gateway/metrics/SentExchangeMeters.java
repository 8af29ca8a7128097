package io.mmg.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.reconciliation.Verdict;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts what the routes do from the endpoints they send to, so no route has a metrics step to forget, a route
 * file dropped into gateway.routes.dir included: the provider http endpoints (ProviderCallMeters), the statements
 * that store payments and change their status (PaymentMeters), the poller's claim (gateway.poller.claims) and the
 * reconciliation's recorded results (gateway.reconciliation.results, mismatches among them). Only Camel's
 * "sending" and "sent" events are asked for, and each endpoint is classified once.
 */
@Component
class SentExchangeMeters extends EventNotifierSupport {

    static final String POLLER_CLAIMS = "gateway.poller.claims";
    static final String RECONCILIATION_RESULTS = "gateway.reconciliation.results";
    private static final Logger log = LoggerFactory.getLogger(SentExchangeMeters.class);

    /** What an endpoint is, for the meters. */
    enum Step { MTN_HTTP, MPESA_HTTP, PAYMENT_STORED, STATUS_CHANGED, POLLER_CLAIM, RECONCILIATION_RECORDED, OTHER }

    private final Map<String, Step> steps = new ConcurrentHashMap<>();
    private final ProviderCallMeters providerCalls;
    private final PaymentMeters payments;
    private final Counter claims;
    private final MeterRegistry meters;

    SentExchangeMeters(ProviderCallMeters providerCalls, PaymentMeters payments, MeterRegistry meters) {
        this.providerCalls = providerCalls;
        this.payments = payments;
        this.meters = meters;
        this.claims = Counter.builder(POLLER_CLAIMS)
                .description("Open payments claimed by the poller to ask their providers about").register(meters);
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        // Not ignored: Camel times a send, and then tells its "sent" event, only when a notifier took its "sending" one.
        setIgnoreExchangeSendingEvents(false);
        setIgnoreStepEvents(true);
    }

    /** The step an endpoint URI stands for (bundled routes: mtn.yaml, mpesa.yaml and the sql/*.sql they use). */
    static Step stepOf(String uri) {
        if (isHost(uri, "http://mtn-momo")) {
            return Step.MTN_HTTP;
        }
        if (isHost(uri, "http://mpesa")) {
            return Step.MPESA_HTTP;
        }
        if (!uri.startsWith("sql:")) {
            return Step.OTHER;
        }
        if (uri.contains("sql/insert-payment.sql") || uri.contains("sql/insert-refund.sql")) {
            return Step.PAYMENT_STORED;
        }
        if (uri.contains("sql/apply-status.sql") || uri.contains("sql/apply-callback.sql")
                || uri.contains("sql/record-initiation.sql")
                || uri.contains("sql/resolve-payment.sql") || uri.contains("sql/cancel-payment.sql")) {
            return Step.STATUS_CHANGED;
        }
        if (uri.contains("sql/claim-due-payments.sql")) {
            return Step.POLLER_CLAIM;
        }
        return uri.contains("sql/record-reconciliation-item.sql") ? Step.RECONCILIATION_RECORDED : Step.OTHER;
    }

    private static boolean isHost(String uri, String host) {
        return uri.equals(host) || uri.startsWith(host + "?") || uri.startsWith(host + "/");
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent || event instanceof ExchangeSendingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof ExchangeSentEvent sent)) {
            return;
        }
        Step step = steps.computeIfAbsent(sent.getEndpoint().getEndpointUri(), SentExchangeMeters::stepOf);
        if (step == Step.OTHER) {
            return;
        }
        Exchange exchange = sent.getExchange();
        try {
            record(step, exchange, sent.getTimeTaken());
        } catch (RuntimeException e) {
            // A meter must never fail a payment; a row of an unexpected shape is only not counted.
            log.debug("Not counted: {} after {}", e.toString(), sent.getEndpoint().getEndpointUri());
        }
    }

    private void record(Step step, Exchange exchange, long millis) {
        switch (step) {
            case MTN_HTTP -> providerCalls.record("MTN_MOMO", exchange, millis);
            case MPESA_HTTP -> providerCalls.record("MPESA", exchange, millis);
            default -> {
                if (exchange.getException() != null) {
                    return;
                }
                Object body = exchange.getMessage().getBody();
                switch (step) {
                    case PAYMENT_STORED -> rows(body, payments::stored);
                    case STATUS_CHANGED -> rows(body, payments::changed);
                    case POLLER_CLAIM -> claims.increment(body instanceof Collection<?> rows ? rows.size() : 0);
                    case RECONCILIATION_RECORDED -> reconciled(exchange, body);
                    default -> { }
                }
            }
        }
    }

    /** A recorded check (a row came back: the first time it was recorded), by its result. */
    private void reconciled(Exchange exchange, Object body) {
        Verdict verdict = exchange.getProperty(ExchangeProperties.VERDICT, Verdict.class);
        if (verdict == null || verdict.result() == null || !(body instanceof Collection<?> rows) || rows.isEmpty()) {
            return;
        }
        Payment payment = exchange.getProperty(ExchangeProperties.PAYMENT, Payment.class);
        String provider = payment == null ? "NONE" : payment.provider().name();
        meters.counter(RECONCILIATION_RESULTS, "provider", provider, "result", verdict.result().name()).increment();
    }

    /** The sql component's answer: one row (outputType=SelectOne), a list of rows, or nothing. */
    private static void rows(Object body, java.util.function.Consumer<Map<?, ?>> each) {
        if (body instanceof Map<?, ?> row) {
            each.accept(row);
        } else if (body instanceof Collection<?> rows) {
            for (Object row : rows) {
                if (row instanceof Map<?, ?> map) {
                    each.accept(map);
                }
            }
        }
    }
}
