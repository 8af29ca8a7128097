package io.mmg.gateway.provider;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.mmg.gateway.api.ExchangeProperties;
import io.mmg.gateway.payment.Provider;
import io.mmg.gateway.payment.ProviderProduct;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds the calls in flight per provider product (gateway.mtn.max-concurrent-calls, gateway.mpesa.max-concurrent-calls),
 * so a provider that hangs holds at most that many request threads and reads, callbacks and the other products
 * keep theirs (docs/provider-limits.md). Beyond the bound a call fails at once with Resilience4j's
 * {@link BulkheadFullException}, before anything is sent: the payment is NOT_SENT.
 *
 * <p>Queries (status, balance, account holder) may take at most half of a product's places, so the poller's status
 * queries to a slow provider never leave payment requests without one.
 *
 * <p>Resilience4j's Bulkhead, not the circuitBreaker EIP's bulkheadEnabled: the EIP puts the bulkhead inside the
 * breaker, so every refused call counts as a provider failure and a burst of traffic to a healthy provider opens
 * its circuit; declaring BulkheadFullException ignored there makes the EIP swallow it and carry on as if the call
 * had succeeded. Here the bulkhead stands in front of the breaker, in the product's route.
 */
@Component("providerBulkheads")
public class ProviderBulkheads {

    private final Map<String, ProductBulkhead> byRoute = new LinkedHashMap<>();

    public ProviderBulkheads(@Value("${gateway.mtn.max-concurrent-calls:8}") int mtnCalls,
                             @Value("${gateway.mpesa.max-concurrent-calls:8}") int mpesaCalls,
                             @Value("${server.tomcat.threads.max:200}") int requestThreads) {
        Map<Provider, Integer> limits = Map.of(Provider.MTN_MOMO, mtnCalls, Provider.MPESA, mpesaCalls);
        int total = 0;
        for (ProviderProduct product : ProviderProduct.values()) {
            int limit = limits.get(product.provider());
            if (limit < 1) {
                throw new BulkheadBudgetException(settingOf(product.provider()) + " must be 1 or more, not " + limit);
            }
            byRoute.put(routeOf(product), new ProductBulkhead(routeOf(product), limit));
            total += limit;
        }
        if (total >= requestThreads) {
            throw new BulkheadBudgetException(String.format(Locale.ROOT,
                    "Provider calls in flight could take every request thread: %d products x max-concurrent-calls "
                            + "(gateway.mtn %d, gateway.mpesa %d) = %d, but server.tomcat.threads.max "
                            + "(GATEWAY_REQUEST_THREADS) is %d; lower the limits or raise the threads",
                    ProviderProduct.values().length, mtnCalls, mpesaCalls, total, requestThreads));
        }
    }

    /**
     * Takes a place for the exchange's provider call in the product's bulkhead, or throws BulkheadFullException.
     * {@code route} is the product's route name: {@code mtn-collection}, {@code mpesa-stk-push}, ...
     */
    public void enter(Exchange exchange, String route) {
        ProductBulkhead bulkhead = byRoute.get(route);
        if (bulkhead == null) {
            throw new IllegalArgumentException("No bulkhead for provider route " + route);
        }
        ProviderCall call = exchange.getProperty(ExchangeProperties.PROVIDER_CALL, ProviderCall.class);
        exchange.setProperty(ExchangeProperties.PROVIDER_BULKHEAD_PERMIT, bulkhead.enter(call == null || call.movesMoney()));
    }

    /** Gives back the places taken by {@link #enter}; nothing when none were taken. */
    public void leave(Exchange exchange) {
        Permit permit = exchange.getProperty(ExchangeProperties.PROVIDER_BULKHEAD_PERMIT, Permit.class);
        exchange.removeProperty(ExchangeProperties.PROVIDER_BULKHEAD_PERMIT);
        if (permit != null) {
            permit.release();
        }
    }

    /** The route of a product's template instance: mtn-collection, mpesa-stk-push, ... */
    public static String routeOf(ProviderProduct product) {
        String provider = product.provider() == Provider.MTN_MOMO ? "mtn" : "mpesa";
        return provider + "-" + product.product().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String settingOf(Provider provider) {
        return provider == Provider.MTN_MOMO ? "gateway.mtn.max-concurrent-calls" : "gateway.mpesa.max-concurrent-calls";
    }

    /** All calls of a product, and within them its queries, each a semaphore that never waits. */
    private static final class ProductBulkhead {
        private final Bulkhead calls;
        private final Bulkhead queries;

        ProductBulkhead(String route, int limit) {
            this.calls = Bulkhead.of(route, config(limit));
            this.queries = Bulkhead.of(route + "-queries", config(Math.max(1, limit / 2)));
        }

        Permit enter(boolean paymentRequest) {
            Bulkhead share = paymentRequest ? null : queries;
            if (share != null) {
                share.acquirePermission();
            }
            try {
                calls.acquirePermission();
            } catch (BulkheadFullException full) {
                if (share != null) {
                    share.onComplete();
                }
                throw full;
            }
            return new Permit(calls, share);
        }

        private static BulkheadConfig config(int limit) {
            return BulkheadConfig.custom().maxConcurrentCalls(limit).maxWaitDuration(Duration.ZERO).build();
        }
    }

    /** The places one call holds. */
    record Permit(Bulkhead calls, Bulkhead share) {
        void release() {
            calls.onComplete();
            if (share != null) {
                share.onComplete();
            }
        }
    }
}
