package io.mmg.gateway.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * gateway.database.*: how long the gateway waits for PostgreSQL, so that a database that is gone or a lock
 * that is held gives a client a fast, honest 503 instead of a hung request (docs/reliability.md).
 *
 * @param connectionTimeout how long a statement waits for a pooled connection (and a new connection to open)
 * @param statementTimeout  PostgreSQL statement_timeout of every statement on the pool (not of migrations)
 * @param lockTimeout       PostgreSQL lock_timeout of the same statements: a held lock fails them after this
 * @param startupWait       how long start-up waits for an unreachable database before giving up
 * @param healthTimeout     bound of the readiness check of the database (connect and SELECT 1)
 * @param retryAfter        the Retry-After of a 503 SERVICE_UNAVAILABLE answer
 */
@ConfigurationProperties("gateway.database")
public record DatabaseSettings(
        Duration connectionTimeout,
        Duration statementTimeout,
        Duration lockTimeout,
        Duration startupWait,
        Duration healthTimeout,
        Duration retryAfter) {

    public DatabaseSettings {
        connectionTimeout = positiveOr(connectionTimeout, Duration.ofSeconds(3));
        statementTimeout = positiveOr(statementTimeout, Duration.ofSeconds(5));
        lockTimeout = positiveOr(lockTimeout, Duration.ofSeconds(2));
        startupWait = startupWait == null || startupWait.isNegative() ? Duration.ofSeconds(60) : startupWait;
        healthTimeout = positiveOr(healthTimeout, Duration.ofSeconds(1));
        retryAfter = positiveOr(retryAfter, Duration.ofSeconds(5));
    }

    /** The longest one statement can take on the pool: waiting for a connection, then running. */
    public Duration statementBound() {
        return connectionTimeout.plus(statementTimeout);
    }

    /**
     * The driver's socket read timeout: the backstop for a server that vanished without closing its connections
     * (a network cut), when statement_timeout, which the server enforces, can no longer answer.
     */
    public Duration socketTimeout() {
        return statementTimeout.plusSeconds(5);
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
