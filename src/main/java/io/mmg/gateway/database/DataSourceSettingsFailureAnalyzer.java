package io.mmg.gateway.database;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The connection pool could not even be set up from SPRING_DATASOURCE_URL (not a JDBC URL, another database's URL):
 * one paragraph naming the setting and the expected form, instead of a 280-line stack trace. The URL is shown
 * without its user part and parameters, which may carry a password.
 */
public class DataSourceSettingsFailureAnalyzer implements FailureAnalyzer, Ordered {

    private final Environment environment;

    public DataSourceSettingsFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof EmbeddedDatabaseLockedException) {
                return null;
            }
        }
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof BeanCreationException creation && "dataSource".equals(creation.getBeanName())) {
                return analysis(failure, NestedExceptionUtils.getMostSpecificCause(creation));
            }
        }
        return null;
    }

    private FailureAnalysis analysis(Throwable failure, Throwable root) {
        String url = environment.getProperty("spring.datasource.url", "");
        String shown = withoutCredentials(url);
        String reason = String.valueOf(root.getMessage()).replace(url, shown);
        String description = "The gateway could not set up its database connection from SPRING_DATASOURCE_URL ("
                + (url.isBlank() ? "empty" : shown) + "): " + root.getClass().getSimpleName() + ": " + reason;
        String action = "Set SPRING_DATASOURCE_URL to a PostgreSQL JDBC URL, jdbc:postgresql://<host>:5432/<database>,"
                + " with the user and password in SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD;"
                + " or leave it empty for the embedded database.";
        return new FailureAnalysis(description, action, failure);
    }

    /** scheme://host:port/database: no user:password@ part, no ?parameters. */
    static String withoutCredentials(String url) {
        String shown = url;
        int query = shown.indexOf('?');
        if (query >= 0) {
            shown = shown.substring(0, query);
        }
        int at = shown.lastIndexOf('@');
        int scheme = shown.indexOf("//");
        if (at >= 0 && scheme >= 0 && at > scheme) {
            shown = shown.substring(0, scheme + 2) + shown.substring(at + 1);
        }
        return shown;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
