package io.mmg.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.component.sql.SqlHelper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every sql: endpoint of the routes knows its parameter count (PostgreSQL agrees) and prepares its statement once. */
class SqlEndpointTuningTest extends GatewayApiTest {

    @Autowired
    CamelContext camel;
    @Autowired
    DataSource dataSource;

    @Test
    void every_statement_of_the_routes_has_the_parameter_count_postgresql_sees() throws Exception {
        List<SqlEndpoint> endpoints = camel.getEndpoints().stream()
                .filter(SqlEndpoint.class::isInstance).map(SqlEndpoint.class::cast).toList();
        assertThat(endpoints).hasSizeGreaterThan(10);

        try (Connection connection = dataSource.getConnection()) {
            for (SqlEndpoint endpoint : endpoints) {
                String query = new DefaultSqlPrepareStatementStrategy().prepareQuery(
                        SqlHelper.resolveQuery(camel, endpoint.getQuery(), endpoint.getPlaceholder()), true, null);
                try (PreparedStatement statement = connection.prepareStatement(query)) {
                    assertThat(endpoint.getParametersCount()).as(endpoint.getQuery())
                            .isEqualTo(statement.getParameterMetaData().getParameterCount());
                }
                assertThat(endpoint.getPrepareStatementStrategy()).isInstanceOf(CachingSqlPrepareStatementStrategy.class);
            }
        }
    }
}
