package io.mmg.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts gateway.database's bounds on the connection pool, whichever configuration made it (the embedded
 * PostgreSQL or SPRING_DATASOURCE_URL), before it opens its first connection:
 * <ul>
 *   <li>a statement waits at most connection-timeout for a connection (Hikari's default is 30 s);</li>
 *   <li>every statement on the pool runs under PostgreSQL's statement_timeout and lock_timeout, set when the
 *       connection starts (the driver's {@code options}), so none waits on a held lock or runs on unbounded;</li>
 *   <li>the driver gives up connecting after connection-timeout and reading after {@link
 *       DatabaseSettings#socketTimeout()} (a server gone without closing its connections).</li>
 * </ul>
 * Migrations do not use the pool ({@link DatabaseConfiguration}): a migration may rightly run longer.
 */
final class DatabaseBounds implements BeanPostProcessor {

    private final DatabaseSettings settings;

    DatabaseBounds(DatabaseSettings settings) {
        this.settings = settings;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            apply(pool);
        }
        return bean;
    }

    void apply(HikariDataSource pool) {
        long connectionMs = settings.connectionTimeout().toMillis();
        pool.setConnectionTimeout(Math.max(250, connectionMs));
        // Checking a pooled connection is alive must leave time to open a new one within connection-timeout.
        pool.setValidationTimeout(Math.max(250, Math.min(1000, connectionMs / 2)));
        Properties driver = pool.getDataSourceProperties();
        String bounds = "-c statement_timeout=" + settings.statementTimeout().toMillis()
                + " -c lock_timeout=" + settings.lockTimeout().toMillis();
        String options = driver.getProperty("options");
        driver.setProperty("options", options == null || options.isBlank() ? bounds : options + " " + bounds);
        driver.setProperty("connectTimeout", String.valueOf(seconds(connectionMs)));
        driver.setProperty("socketTimeout", String.valueOf(seconds(settings.socketTimeout().toMillis())));
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
