package io.mmg.gateway.observability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "providerCircuits" in /readyz (the readiness group): the circuit breaker state of every provider product, named by
 * its route (mtn-collection, mpesa-stk-push, ...), and which of them are open. Always UP: an open circuit is one
 * provider product's outage, which every instance sees alike; taking the instance out of the load balancer would not
 * help, and would stop reads, callbacks and the other providers too. Its payments answer 503 PROVIDER_UNAVAILABLE
 * at once until the breaker lets a call try again (docs/runbooks.md "A provider's circuit is open").
 */
@Component("providerCircuits")
class ProviderCircuitsHealthIndicator implements HealthIndicator {

    private final CamelContext camel;

    ProviderCircuitsHealthIndicator(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Health health() {
        Map<String, String> states = new TreeMap<>();
        for (Route route : camel.getRoutes()) {
            for (var processor : route.filter("*")) {
                if (processor instanceof ResilienceProcessor breaker && breaker.getCircuitBreaker() != null) {
                    states.put(route.getRouteId(), breaker.getCircuitBreakerState());
                }
            }
        }
        List<String> open = states.entrySet().stream()
                .filter(state -> state.getValue().contains("OPEN"))
                .map(Map.Entry::getKey)
                .toList();
        return Health.up().withDetail("open", open).withDetail("states", states).build();
    }
}
