package io.mmg.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlParameterCountTest {

    @Test
    void parameters_are_counted_outside_comments_literals_and_quoted_names() {
        String sql = """
                -- is it ? no, a comment
                /* nor ? this */
                SELECT ?, '?', 'it''s ?', "odd?name", $$ ? $$, $body$ ? $body$, ?::int
                  FROM payment WHERE id = ?""";

        assertThat(SqlParameterCount.of(sql)).isEqualTo(3);
    }

    @Test
    void a_statement_without_parameters_has_none() {
        assertThat(SqlParameterCount.of("SELECT 1 -- ?")).isZero();
    }
}
