package io.mmg.gateway.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Quartz tables come from a reviewed SQL migration (V2__QuartzTables.sql), not from the Quartz jar at start-up:
 * a Quartz upgrade that changes them fails here until a migration brings the difference.
 */
@GatewayIntegrationTest
class QuartzTablesMigrationTest {

    private static final String QUARTZ_DDL = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    private static final String COLUMNS = """
            SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length, 0)
                   || ' ' || is_nullable
              FROM information_schema.columns
             WHERE table_schema = ? AND table_name LIKE 'qrtz\\_%'
             ORDER BY 1
            """;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Flyway flyway;

    @Test
    void the_quartz_tables_are_those_the_quartz_jar_in_use_expects() {
        List<String> migrated = jdbc.queryForList(COLUMNS, String.class, "public");

        List<String> expected = transaction.execute(status -> {
            jdbc.execute("CREATE SCHEMA quartz_ddl_check");
            jdbc.execute("SET LOCAL search_path = quartz_ddl_check");
            statementsOf(quartzDdl()).forEach(jdbc::execute);
            List<String> columns = jdbc.queryForList(COLUMNS, String.class, "quartz_ddl_check");
            status.setRollbackOnly();
            return columns;
        });

        assertThat(migrated).isNotEmpty().isEqualTo(expected);
    }

    @Test
    void a_database_whose_quartz_tables_came_from_the_former_java_migration_still_validates() {
        // As the former Java migration db.migration.V2__QuartzTables recorded itself.
        jdbc.update("UPDATE flyway_schema_history SET type = 'JDBC', checksum = NULL, "
                + "script = 'db.migration.V2__QuartzTables' WHERE version = '2'");

        flyway.validate();

        assertThat(jdbc.queryForObject("SELECT type FROM flyway_schema_history WHERE version = '2'", String.class))
                .isEqualTo("SQL");
    }

    private static String quartzDdl() {
        try (InputStream in = Scheduler.class.getClassLoader().getResourceAsStream(QUARTZ_DDL)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The script's CREATE statements: comments, DROP and COMMIT left out. */
    private static List<String> statementsOf(String script) {
        String withoutComments = script.lines().filter(line -> !line.trim().startsWith("--"))
                .reduce("", (all, line) -> all + line + "\n");
        return Arrays.stream(withoutComments.split(";")).map(String::trim)
                .filter(sql -> sql.toUpperCase().startsWith("CREATE ")).toList();
    }
}
