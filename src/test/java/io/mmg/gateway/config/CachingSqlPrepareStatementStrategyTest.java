package io.mmg.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeExchangeException;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The cached preparation gives exactly what camel-sql's default gives, only once per statement. */
class CachingSqlPrepareStatementStrategyTest {

    // As camel-sql hands it over: its placeholder '#' already turned into '?'.
    static final String QUERY = "UPDATE payment SET status = :?status, reason = :?reason WHERE id = :?id AND status <> :?status";

    final CamelContext camel = new DefaultCamelContext();
    final CachingSqlPrepareStatementStrategy cached = new CachingSqlPrepareStatementStrategy();
    final DefaultSqlPrepareStatementStrategy standard = new DefaultSqlPrepareStatementStrategy();

    @Test
    void a_statement_is_prepared_as_camel_sql_prepares_it() throws Exception {
        String prepared = cached.prepareQuery(QUERY, true, exchange());

        assertThat(prepared).isEqualTo(standard.prepareQuery(QUERY, true, exchange()));
        assertThat(cached.prepareQuery(QUERY, true, exchange())).isSameAs(prepared);
    }

    @Test
    void named_parameters_are_bound_in_statement_order_as_camel_sql_binds_them() throws Exception {
        Map<String, Object> body = Map.of("status", "FAILED", "reason", "EXPIRED", "id", "p-1");
        String prepared = cached.prepareQuery(QUERY, true, exchange());

        List<Object> values = values(cached.createPopulateIterator(QUERY, prepared, 4, exchange(), body));

        assertThat(values).containsExactly("FAILED", "EXPIRED", "p-1", "FAILED")
                .isEqualTo(values(standard.createPopulateIterator(QUERY, prepared, 4, exchange(), body)));
    }

    @Test
    void a_missing_parameter_is_an_error_as_in_camel_sql() {
        assertThatThrownBy(() -> cached.createPopulateIterator(QUERY, "", 4, exchange(), Map.of("status", "FAILED")))
                .isInstanceOf(RuntimeExchangeException.class).hasMessageContaining("reason");
    }

    @Test
    void statements_shaped_by_the_message_are_left_to_camel_sql() throws Exception {
        String in = "SELECT * FROM payment WHERE status IN (:?in:statuses)";
        Exchange exchange = exchange();
        exchange.getMessage().setBody(Map.of("statuses", List.of("PENDING", "UNKNOWN")));

        assertThat(cached.prepareQuery(in, true, exchange)).isEqualTo(standard.prepareQuery(in, true, exchange));
    }

    private Exchange exchange() {
        return new DefaultExchange(camel);
    }

    private static List<Object> values(Iterator<?> iterator) {
        List<Object> values = new ArrayList<>();
        iterator.forEachRemaining(values::add);
        return values;
    }
}
