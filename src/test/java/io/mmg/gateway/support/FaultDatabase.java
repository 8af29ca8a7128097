package io.mmg.gateway.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The PostgreSQL database gateway processes of one fault test share, and outlive: on the server of
 * {@code SPRING_DATASOURCE_URL} (a database of its own, {@code <that database>_<name>}, dropped first), or, when none
 * is set, an embedded PostgreSQL started by the test.
 */
public final class FaultDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private FaultDatabase(String url, String user, String password, EmbeddedPostgres embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    public static FaultDatabase create(String name) {
        String server = setting("SPRING_DATASOURCE_URL", "");
        String user = setting("SPRING_DATASOURCE_USERNAME", "postgres");
        String password = setting("SPRING_DATASOURCE_PASSWORD", "");
        if (!server.startsWith("jdbc:postgresql://")) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                return new FaultDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", postgres);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start an embedded PostgreSQL", e);
            }
        }
        int slash = server.lastIndexOf('/');
        int query = server.indexOf('?', slash);
        String base = query < 0 ? server.substring(slash + 1) : server.substring(slash + 1, query);
        String database = base + "_" + name;
        execute(server, user, password, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        execute(server, user, password, "CREATE DATABASE " + database);
        String url = server.substring(0, slash + 1) + database + (query < 0 ? "" : server.substring(query));
        return new FaultDatabase(url, user, password, null);
    }

    /** What a gateway process needs to use this database. */
    public Map<String, String> environment() {
        return Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", user,
                "SPRING_DATASOURCE_PASSWORD", password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Left in place on a server for a look after a failed run; the next run drops it, .ci/run drops it after. */
    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name.toLowerCase().replace('_', '.'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the fault test database: " + sql, e);
        }
    }
}
