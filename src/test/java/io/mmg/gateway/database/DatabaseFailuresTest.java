package io.mmg.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.dao.DuplicateKeyException;

class DatabaseFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P03", "57014", "55P03", "53300"})
    void a_database_that_cannot_serve_now_is_unavailable_not_a_bug(String sqlState) {
        SQLException server = new SQLException("server says no", sqlState);

        assertThat(DatabaseFailures.isUnavailable(new RuntimeException("wrapped", server))).isTrue();
    }

    @Test
    void no_pooled_connection_in_time_is_unavailable() {
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
                "gateway-db - Connection is not available, request timed out after 3000ms");

        assertThat(DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("no connection", poolTimeout)))
                .isTrue();
    }

    @Test
    void a_constraint_violation_is_not_unavailability() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");

        assertThat(DatabaseFailures.isUnavailable(new DuplicateKeyException("duplicate", unique))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void the_log_line_is_the_innermost_sql_state_and_the_first_line_of_its_message() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.\nDetail: more", "08001",
                new ConnectException("Connection refused"));

        assertThat(DatabaseFailures.describe(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("pool timeout", refused))))
                .isEqualTo("SQLException [08001]: Connection to 127.0.0.1:5432 refused.");
    }
}
