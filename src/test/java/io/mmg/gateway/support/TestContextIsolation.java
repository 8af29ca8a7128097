package io.mmg.gateway.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the Spring contexts of one test run apart. Cached contexts stay alive side by side, each with its
 * own pollers, batch workers and simulators, so they must not share anything that background work reads:
 * <ul>
 *   <li>the database: on a PostgreSQL server (SPRING_DATASOURCE_URL) each context gets its own database,
 *       or one context's poller would ask its simulator about another context's payments (the embedded
 *       PostgreSQL is per context already);</li>
 *   <li>the Quartz scheduler name: Quartz keeps schedulers in a JVM-wide registry keyed by that name, so two
 *       contexts with one name would share one scheduler (and fire each other's workers);</li>
 *   <li>the payout folder: another context would pick up a file for a client it does not know.</li>
 * </ul>
 */
public class TestContextIsolation implements EnvironmentPostProcessor {

    /** Set on a context that is to run on another context's database, as a second instance of the gateway. */
    public static final String SHARED_DATABASE = "test.shared-database";

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String suffix = "ctx" + CONTEXTS.incrementAndGet();
        Map<String, Object> isolated = new HashMap<>();
        isolated.put("spring.quartz.scheduler-name", "gateway-scheduler-" + suffix);
        isolated.put("gateway.batches.dir", environment.getProperty("gateway.batches.dir", "target/test-batches") + "/" + suffix);
        String url = environment.getProperty("spring.datasource.url", "");
        // A second gateway started by a test on the first one's database (two instances) says so and keeps it.
        if (url.startsWith("jdbc:postgresql://") && !environment.getProperty(SHARED_DATABASE, Boolean.class, false)) {
            isolated.put("spring.datasource.url", ownDatabase(environment, url, suffix));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("testContextIsolation", isolated));
    }

    private static String ownDatabase(ConfigurableEnvironment environment, String url, String suffix) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String base = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
        String database = base + "_" + suffix;
        String user = environment.getProperty("spring.datasource.username", "postgres");
        String password = environment.getProperty("spring.datasource.password", "");
        execute(url, user, password, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        execute(url, user, password, "CREATE DATABASE " + database);
        // Not dropped at exit (the contexts still close then): the next run drops it first, .ci/run drops it after.
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database: " + sql, e);
        }
    }
}
