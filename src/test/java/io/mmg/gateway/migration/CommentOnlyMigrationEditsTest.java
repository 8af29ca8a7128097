package io.mmg.gateway.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.support.GatewayIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V10 and V70 changed only in comment lines (they cited documents outside the repository). A database that applied
 * their former text must still validate (beforeValidate__comment_only_edits.sql); any other checksum must not.
 */
@GatewayIntegrationTest
class CommentOnlyMigrationEditsTest {

    private static final int V10_NOW = -611169759;
    private static final int V70_NOW = 797204994;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Flyway flyway;

    @AfterEach
    void restoreHistory() {
        jdbc.update("UPDATE flyway_schema_history SET checksum = ? WHERE version = '10'", V10_NOW);
        jdbc.update("UPDATE flyway_schema_history SET checksum = ? WHERE version = '70'", V70_NOW);
    }

    @Test
    void a_database_migrated_with_the_former_comments_still_validates() {
        jdbc.update("UPDATE flyway_schema_history SET checksum = -1060260031 WHERE version = '10'");
        jdbc.update("UPDATE flyway_schema_history SET checksum = -1535655763 WHERE version = '70'");

        flyway.validate();

        assertThat(jdbc.queryForObject("SELECT checksum FROM flyway_schema_history WHERE version = '10'", Integer.class))
                .isEqualTo(V10_NOW);
        assertThat(jdbc.queryForObject("SELECT checksum FROM flyway_schema_history WHERE version = '70'", Integer.class))
                .isEqualTo(V70_NOW);
    }

    @Test
    void any_other_change_to_those_migrations_still_fails_validation() {
        jdbc.update("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '10'");

        assertThatThrownBy(flyway::validate).hasMessageContaining("10");
    }
}
