package io.mmg.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.database.DatabaseFailures;
import io.mmg.gateway.database.DatabaseSettings;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The error handling of routes/errors.yaml on its own: a database failure often has an IOException at its root
 * (the connection refused), which the provider retries also catch; it must reach api-errors instead, at once.
 */
class DatabaseFailureRoutingTest {

    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger recordedAsProviderFailure = new AtomicInteger();
    private CamelContext camel;

    @BeforeEach
    void routesWithTheGatewaysErrorHandling() throws Exception {
        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("gateway.retry.max-retries", "2");
        properties.setProperty("gateway.retry.initial-delay-ms", "1");
        properties.setProperty("gateway.retry.multiplier", "1");
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.getRegistry().bind("apiErrors", new ApiErrors(new JsonReplies(new ObjectMapper()),
                new DatabaseSettings(null, null, null, null, null, null)));
        camel.getRegistry().bind("databaseFailures", new DatabaseFailures());
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                ResourceHelper.resolveMandatoryResource(camel, "classpath:routes/errors.yaml"));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:payment-step").routeConfigurationId("api-errors,provider-retries")
                        .process(exchange -> {
                            attempts.incrementAndGet();
                            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                                    new SQLTransientConnectionException("gateway-db - Connection is not available",
                                            new PSQLException("Connection to 127.0.0.1:5432 refused",
                                                    PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                                                    new ConnectException("Connection refused"))));
                        });
                from("direct:record-failed-initiation")
                        .process(exchange -> recordedAsProviderFailure.incrementAndGet());
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void a_refused_database_connection_is_answered_503_at_once_not_retried_as_a_provider_failure() {
        Exchange answer = camel.createProducerTemplate().request("direct:payment-step", exchange -> { });

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(answer.getMessage().getBody(String.class)).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
        assertThat(answer.getMessage().getHeader("Retry-After")).isEqualTo("5");
        assertThat(attempts).hasValue(1);
        assertThat(recordedAsProviderFailure).hasValue(0);
    }
}
