package io.mmg.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyConfiguration;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's route metrics (camel-micrometer: exchanges, failures and time per route) on Spring Boot's MeterRegistry,
 * so they come out of /actuator/prometheus with everything else. There is no camel-micrometer starter for Camel
 * 4.18.0, so the route policy factory is added here, once, before the routes start; route files reloaded from
 * gateway.routes.dir get it too, as every route Camel creates does. (The business meters' event notifier,
 * {@link SentExchangeMeters}, is a bean: Camel finds it in the registry itself.)
 */
@Configuration(proxyBeanMethods = false)
class CamelRouteMetrics {

    @Bean
    CamelContextConfiguration routeMetricsPolicy(MeterRegistry meters) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                MicrometerRoutePolicyFactory factory = new MicrometerRoutePolicyFactory();
                factory.setMeterRegistry(meters);
                factory.setPolicyConfiguration(policy());
                camelContext.addRoutePolicyFactory(factory);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // Nothing: the factory must be in place before the routes start.
            }
        };
    }

    /**
     * Per route: the time of its exchanges (camel_route_policy_seconds, whose count is the number of exchanges), the
     * failed ones and those whose failure a route handled (errors.yaml's answers). Left out, as they repeat those
     * (total, succeeded) or never happen here (external redeliveries): five counters for each of about 180 routes
     * were 900 series. The REST verbs' routes (rest-*) are left out too: each only hands over to its direct: route,
     * and http_server_requests has them by URI.
     */
    static MicrometerRoutePolicyConfiguration policy() {
        MicrometerRoutePolicyConfiguration policy = new MicrometerRoutePolicyConfiguration();
        policy.setExchangesTotal(false);
        policy.setExchangesSucceeded(false);
        policy.setExternalRedeliveries(false);
        policy.setExcludePattern("rest-*");
        return policy;
    }
}
