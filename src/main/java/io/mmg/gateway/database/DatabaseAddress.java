package io.mmg.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Where the pool's PostgreSQL is, for the checks that must not wait in the pool's queue (readiness, start-up):
 * they open their own connection with their own short timeouts.
 */
record DatabaseAddress(String url, String user, String password) {

    static DatabaseAddress of(HikariDataSource pool) {
        return new DatabaseAddress(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    /** A new connection that gives up after about {@code timeout} (connecting, logging in, reading). */
    Connection open(Duration timeout) throws SQLException {
        String seconds = String.valueOf(Math.max(1, (timeout.toMillis() + 999) / 1000));
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL: " + where());
        }
        return connection;
    }

    /** host:port/database, for logs: without the URL's parameters, which may carry credentials. */
    String where() {
        if (url == null) {
            return "(no URL)";
        }
        String address = url.startsWith("jdbc:postgresql://") ? url.substring("jdbc:postgresql://".length()) : url;
        int query = address.indexOf('?');
        return query < 0 ? address : address.substring(0, query);
    }
}
