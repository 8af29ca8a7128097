package io.mmg.gateway.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;

/**
 * Start-up waits for PostgreSQL before migrating (a database started at the same time, or restarting), for
 * gateway.database.startup-wait, with one line when it starts waiting and one when it stops. Then it gives up
 * with {@link DatabaseUnreachableException}, which start-up reports in a few lines
 * ({@link DatabaseUnreachableFailureAnalyzer}) and exits non-zero.
 * Flyway's own connectRetries is not used: it logs every attempt and counts attempts, not time.
 */
final class DatabaseStartupWait implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartupWait.class);
    private static final Duration PAUSE = Duration.ofSeconds(1);

    private final DatabaseAddress address;
    private final Duration wait;
    private final Duration attemptTimeout;

    DatabaseStartupWait(DatabaseAddress address, Duration wait, Duration attemptTimeout) {
        this.address = address;
        this.wait = wait;
        this.attemptTimeout = attemptTimeout;
    }

    @Override
    public void migrate(Flyway flyway) {
        untilReachable();
        flyway.migrate();
    }

    void untilReachable() {
        long start = System.nanoTime();
        SQLException failure = attempt();
        if (failure == null) {
            return;
        }
        if (waitingCannotHelp(failure)) {
            log.error("PostgreSQL at {} refused the gateway ({}); not waiting for it", address.where(),
                    DatabaseFailures.describe(failure));
            throw new DatabaseUnreachableException(address.where(), Duration.ZERO, DatabaseFailures.describe(failure),
                    failure);
        }
        log.warn("PostgreSQL at {} is not reachable ({}); waiting up to {} s for it (gateway.database.startup-wait)",
                address.where(), DatabaseFailures.describe(failure), wait.toSeconds());
        while (Duration.ofNanos(System.nanoTime() - start).compareTo(wait) < 0) {
            pause();
            failure = attempt();
            if (failure == null) {
                log.info("PostgreSQL at {} is reachable after {} s", address.where(),
                        Duration.ofNanos(System.nanoTime() - start).toSeconds());
                return;
            }
        }
        log.error("PostgreSQL at {} was not reachable within {} s; giving up", address.where(), wait.toSeconds());
        throw new DatabaseUnreachableException(address.where(), wait, DatabaseFailures.describe(failure), failure);
    }

    /** The server answered and said no: a wrong password or user, or a database that does not exist. */
    static boolean waitingCannotHelp(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("28") || state.equals("3D000"));
    }

    private SQLException attempt() {
        try (Connection connection = address.open(attemptTimeout)) {
            return connection.isValid((int) Math.max(1, attemptTimeout.toSeconds())) ? null
                    : new SQLException("The connection did not answer", "08006");
        } catch (SQLException e) {
            return e;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
        }
    }
}
