package io.mmg.gateway.config;

import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.resilience4j.ResilienceConstants;
import org.apache.camel.model.Resilience4jConfigurationDefinition;
import org.quartz.Scheduler;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sets up the Camel components whose Spring Boot starters are not published for Camel 4.18.0 (quartz,
 * resilience4j; sql needs nothing beyond its jar): what each starter did for us, done here, with
 * the settings still in application.yaml.
 */
@Configuration(proxyBeanMethods = false)
class CamelComponentsConfiguration {

    /**
     * The quartz: endpoints run on Spring Boot's scheduler (spring.quartz.*: in memory, node-local, since their work is
     * claimed in PostgreSQL), not on a second one of their own; Camel starts it once the routes exist
     * (spring.quartz.auto-startup: false).
     */
    @Bean("quartz")
    QuartzComponent quartz(Scheduler quartzScheduler) {
        QuartzComponent quartz = new QuartzComponent();
        quartz.setScheduler(quartzScheduler);
        return quartz;
    }

    /**
     * The default configuration of every circuitBreaker EIP (one breaker per provider product), bound from
     * camel.resilience4j.* as the starter did; Camel finds it in the registry under this name.
     */
    @Bean(ResilienceConstants.DEFAULT_RESILIENCE_CONFIGURATION_ID)
    @ConfigurationProperties("camel.resilience4j")
    Resilience4jConfigurationDefinition defaultCircuitBreakerConfiguration() {
        return new Resilience4jConfigurationDefinition();
    }
}
