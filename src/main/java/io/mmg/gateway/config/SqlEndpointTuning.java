package io.mmg.gateway.config;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.component.sql.SqlHelper;
import org.apache.camel.spi.EndpointStrategy;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Takes camel-sql's per-execution work off the payment path, for every {@code sql:} endpoint of the routes:
 * <ul>
 *   <li>the parameter count of its statement is given, so camel-sql does not ask the JDBC driver on every
 *       execution (PreparedStatement.getParameterMetaData), which PostgreSQL's driver answers with an extra round
 *       trip to the server. Still so with Camel 4.18 and pgjdbc 42.7, measured December 2026 on select-payment.sql
 *       (2,000 executions, best of 3, 4 rounds, on the 2-core machine at load average 40): 0.6 to 2.2 ms an
 *       execution without that call, 3.9 to 10.3 ms with it; every statement of a collection would pay it;</li>
 *   <li>its statement is prepared (named parameters to {@code ?}) once, not on every execution
 *       ({@link CachingSqlPrepareStatementStrategy}).</li>
 * </ul>
 * Statements whose parameter list depends on the message ({@code :#in:}, {@code :#${...}}) keep the defaults.
 */
@Component
public class SqlEndpointTuning implements CamelContextConfiguration {

    private final CachingSqlPrepareStatementStrategy preparation = new CachingSqlPrepareStatementStrategy();

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getCamelContextExtension().registerEndpointCallback(new Tune(camelContext, preparation));
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
    }

    /** The count, or 0 (ask the driver) when it cannot be known from the statement alone. */
    static int parametersOf(CamelContext camelContext, SqlEndpoint endpoint) throws Exception {
        String query = SqlHelper.resolveQuery(camelContext, endpoint.getQuery(),
                endpoint.isUsePlaceholder() ? endpoint.getPlaceholder() : null);
        if (!endpoint.isAllowNamedParameters() || !CachingSqlPrepareStatementStrategy.staticShape(query)) {
            return 0;
        }
        return SqlParameterCount.of(endpoint.getPrepareStatementStrategy().prepareQuery(query, true, null));
    }

    private record Tune(CamelContext camelContext, CachingSqlPrepareStatementStrategy preparation)
            implements EndpointStrategy {
        @Override
        public Endpoint registerEndpoint(String uri, Endpoint endpoint) {
            if (endpoint instanceof SqlEndpoint sql) {
                sql.setPrepareStatementStrategy(preparation);
                if (sql.getParametersCount() == 0) {
                    try {
                        sql.setParametersCount(parametersOf(camelContext, sql));
                    } catch (Exception e) {
                        throw new IllegalStateException("Cannot read the statement of " + uri, e);
                    }
                }
            }
            return endpoint;
        }
    }
}
