package io.mmg.gateway.routes;

import io.mmg.gateway.api.ExchangeProperties;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.stereotype.Component;

/**
 * Counts, per route, the exchanges it handled, those that ended in an error (handled or not) and their total time: what an engineer
 * needs to see whether a route is used and healthy (GET /api/v1/admin/routes). camel-management would give the
 * same through JMX, with a module and MBeans more than this needs; Camel applies every RoutePolicyFactory bean
 * to every route, reloaded ones included.
 */
@Component
public class RouteStatistics implements RoutePolicyFactory {

    /** One route's counters; a reloaded route (same id) keeps counting on. */
    public static final class Counters {
        private final AtomicLong exchanges = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong totalNanos = new AtomicLong();

        public long exchanges() {
            return exchanges.get();
        }

        public long failed() {
            return failed.get();
        }

        /** Mean time in the route, in milliseconds; 0 before the first exchange. */
        public double meanMillis() {
            long count = exchanges.get();
            return count == 0 ? 0 : totalNanos.get() / 1_000_000.0 / count;
        }
    }

    /** When an exchange entered the route, and the error it already carried then (not this route's). */
    private record Begin(long nanos, Object caughtBefore) {
    }

    private final Map<String, Counters> byRoute = new ConcurrentHashMap<>();

    public Optional<Counters> of(String routeId) {
        return Optional.ofNullable(byRoute.get(routeId));
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        Counters counters = byRoute.computeIfAbsent(routeId, id -> new Counters());
        // The start time is kept per route: one exchange passes through several routes (direct:) at once.
        String started = ExchangeProperties.ROUTE_STARTED_PREFIX + routeId;
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route route, Exchange exchange) {
                exchange.setProperty(started, new Begin(System.nanoTime(), exchange.getProperty(Exchange.EXCEPTION_CAUGHT)));
            }

            @Override
            public void onExchangeDone(Route route, Exchange exchange) {
                Begin begin = exchange.getProperty(started, Begin.class);
                exchange.removeProperty(started);
                counters.exchanges.incrementAndGet();
                if (begin != null) {
                    counters.totalNanos.addAndGet(System.nanoTime() - begin.nanos());
                }
                // Failed = ended in an error, also one an error handler turned into an error answer (handled).
                Object caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT);
                if (exchange.isFailed() || caught != null && (begin == null || caught != begin.caughtBefore())) {
                    counters.failed.incrementAndGet();
                }
            }
        };
    }
}
