package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates the Quartz JDBC job-store tables (clustered poller and reconciliation jobs) from the
 * DDL that ships inside the Quartz jar, so the schema always matches the Quartz version in use.
 * The script's DROP statements are skipped: a migration must never drop live scheduler state.
 */
public class V2__QuartzTables extends BaseJavaMigration {

    private static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements(readScript())) {
                statement.execute(sql);
            }
        }
    }

    private static String readScript() throws IOException {
        try (InputStream in = V2__QuartzTables.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Quartz DDL not found on the classpath: " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> result = new ArrayList<>();
        for (String sql : withoutComments.toString().split(";")) {
            String trimmed = sql.trim();
            if (!trimmed.isEmpty() && !trimmed.toUpperCase().startsWith("DROP ") && !trimmed.equalsIgnoreCase("COMMIT")) {
                result.add(trimmed);
            }
        }
        return result;
    }
}
