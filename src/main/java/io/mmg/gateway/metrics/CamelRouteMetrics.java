package io.mmg.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camel's route metrics (camel-micrometer: exchanges, failures and time per route) on Spring Boot's MeterRegistry,
 * so they come out of /actuator/prometheus with everything else. There is no camel-micrometer starter for Camel
 * 4.18.0, so the route policy factory is added here, once, before the routes start; route files reloaded from
 * gateway.routes.dir get it too, as every route Camel creates does.
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
                camelContext.addRoutePolicyFactory(factory);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // Nothing: the factory must be in place before the routes start.
            }
        };
    }
}
