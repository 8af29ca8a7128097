package io.mmg.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mmg.gateway.payment.ProviderProduct;
import io.mmg.gateway.provider.ProviderBulkheads;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.springframework.stereotype.Component;

/**
 * gateway.provider.circuit.state per provider product: 0 closed, 1 half-open (trying a call), 2 open (calls
 * refused, CIRCUIT_OPEN). Read at scrape time from the circuitBreaker step of the product's route (mtn.yaml,
 * mpesa.yaml), so a reloaded route file is followed; -1 while the route is not running.
 */
@Component
class CircuitStateGauges {

    static final String NAME = "gateway.provider.circuit.state";

    private final CamelContext camel;

    CircuitStateGauges(MeterRegistry meters, CamelContext camel) {
        this.camel = camel;
        for (ProviderProduct product : ProviderProduct.values()) {
            String route = ProviderBulkheads.routeOf(product);
            Gauge.builder(NAME, () -> state(route))
                    .description("Circuit breaker of a provider product: 0 closed, 1 half-open, 2 open, -1 not running")
                    .tags("provider", product.provider().name(), "product", product.product())
                    .register(meters);
        }
    }

    private int state(String routeId) {
        Route route = camel.getRoute(routeId);
        if (route == null) {
            return -1;
        }
        for (Processor processor : route.filter("*")) {
            if (processor instanceof ResilienceProcessor breaker) {
                return switch (breaker.getCircuitBreakerState()) {
                    case "CLOSED", "DISABLED", "METRICS_ONLY" -> 0;
                    case "HALF_OPEN" -> 1;
                    default -> 2;
                };
            }
        }
        return -1;
    }
}
