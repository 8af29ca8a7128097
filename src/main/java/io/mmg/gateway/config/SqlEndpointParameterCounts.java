package io.mmg.gateway.config;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.component.sql.SqlHelper;
import org.apache.camel.component.sql.SqlPrepareStatementStrategy;
import org.apache.camel.spi.EndpointStrategy;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Tells every {@code sql:} endpoint how many parameters its statement has. Without it camel-sql asks the
 * JDBC driver on every execution (PreparedStatement.getParameterMetaData), which the PostgreSQL driver
 * answers with an extra round trip to the server: one more per statement on every payment's hot path.
 * Statements whose parameter list depends on the message ({@code :#in:}, {@code :#${...}}) are left alone.
 */
@Component
public class SqlEndpointParameterCounts implements CamelContextConfiguration {

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getCamelContextExtension().registerEndpointCallback(new CountParameters(camelContext));
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
    }

    /** The count, or 0 (ask the driver) when it cannot be known from the statement alone. */
    static int parametersOf(CamelContext camelContext, SqlEndpoint endpoint) throws Exception {
        String query = SqlHelper.resolveQuery(camelContext, endpoint.getQuery(),
                endpoint.isUsePlaceholder() ? endpoint.getPlaceholder() : null);
        if (query.contains(":?in:") || query.contains(":?${") || !endpoint.isAllowNamedParameters()) {
            return 0;
        }
        SqlPrepareStatementStrategy strategy = endpoint.getPrepareStatementStrategy() != null
                ? endpoint.getPrepareStatementStrategy() : new DefaultSqlPrepareStatementStrategy();
        return SqlParameterCount.of(strategy.prepareQuery(query, true, null));
    }

    private record CountParameters(CamelContext camelContext) implements EndpointStrategy {
        @Override
        public Endpoint registerEndpoint(String uri, Endpoint endpoint) {
            if (endpoint instanceof SqlEndpoint sql && sql.getParametersCount() == 0) {
                try {
                    sql.setParametersCount(parametersOf(camelContext, sql));
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot read the statement of " + uri, e);
                }
            }
            return endpoint;
        }
    }
}
