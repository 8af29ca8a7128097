package io.mmg.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mmg.gateway.payment.PaymentRecords;
import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.ProviderHttp;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Every HTTP call to MTN or Daraja, timed from the request leaving to its answer (or its failure):
 * gateway.provider.calls (a timer with histogram buckets) by provider, product, operation and outcome, and
 * gateway.provider.token.refreshes for the token requests among them. The outcome is the answer's status class
 * ({@code 2xx}, {@code 4xx}, {@code 5xx}), {@code timeout}, or {@code no_answer} (refused, reset, dropped).
 */
@Component
class ProviderCallMeters {

    static final String CALLS = "gateway.provider.calls";
    static final String TOKEN_REFRESHES = "gateway.provider.token.refreshes";
    private static final String TOKEN = "token";
    /** Buckets of the latency histogram: provider calls take tens of milliseconds up to the 15 s response timeout. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15)};

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> refreshes = new ConcurrentHashMap<>();

    ProviderCallMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** One call sent by a provider's http route; {@code provider} is MTN_MOMO or MPESA. */
    void record(String provider, Exchange exchange, long millis) {
        ProviderCall call = exchange.getProperty(ProviderHttp.CALL, ProviderCall.class);
        String operation = call == null ? "unknown" : call.operation();
        String product = productOf(provider, call, exchange.getProperty(PaymentRecords.ROUTE_KEY, String.class));
        String outcome = outcomeOf(exchange);
        String key = provider + '|' + product + '|' + operation + '|' + outcome;
        timers.computeIfAbsent(key, k -> Timer.builder(CALLS)
                        .description("HTTP calls to the providers: latency and outcome")
                        .tags("provider", provider, "product", product, "operation", operation, "outcome", outcome)
                        .serviceLevelObjectives(BUCKETS)
                        .register(meters))
                .record(Duration.ofMillis(millis));
        if (TOKEN.equals(operation)) {
            String result = outcome.equals("2xx") ? "success" : "failure";
            refreshes.computeIfAbsent(provider + '|' + product + '|' + result, k -> Counter.builder(TOKEN_REFRESHES)
                            .description("OAuth token requests to the providers")
                            .tags("provider", provider, "product", product, "outcome", result)
                            .register(meters))
                    .increment();
        }
    }

    /**
     * The product of a payment's call is its route key (MTN_MOMO:COLLECTION); a token request has none: MTN's
     * path names its product (/collection/token/), and Daraja has one token for the app.
     */
    static String productOf(String provider, ProviderCall call, String routeKey) {
        if (routeKey != null && routeKey.indexOf(':') > 0) {
            return routeKey.substring(routeKey.indexOf(':') + 1);
        }
        if (call != null && "MTN_MOMO".equals(provider)) {
            String path = call.path().startsWith("/") ? call.path().substring(1) : call.path();
            String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            if (first.equals("collection") || first.equals("disbursement") || first.equals("remittance")) {
                return first.toUpperCase(Locale.ROOT);
            }
        }
        return call != null && TOKEN.equals(call.operation()) ? "APP" : "NONE";
    }

    static String outcomeOf(Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure != null) {
            return causedBy(failure, SocketTimeoutException.class) ? "timeout" : "no_answer";
        }
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status == null || status < 100 || status > 599 ? "no_answer" : (status / 100) + "xx";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t) || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
