package io.mmg.gateway.database;

import java.time.Duration;

/**
 * Start-up gave up waiting for PostgreSQL (gateway.database.startup-wait). The JVM exits with status 1 (an
 * uncaught exception in main); it is not an ExitCodeGenerator, whose exit event Spring Boot would publish on the
 * context that failed, logging a stack trace of its own.
 */
public class DatabaseUnreachableException extends RuntimeException {

    private final String where;
    private final Duration waited;
    private final String lastFailure;

    DatabaseUnreachableException(String where, Duration waited, String lastFailure, Throwable cause) {
        super("PostgreSQL at " + where + " was not reachable within " + waited.toSeconds() + " s: " + lastFailure, cause);
        this.where = where;
        this.waited = waited;
        this.lastFailure = lastFailure;
    }

    public String where() {
        return where;
    }

    public Duration waited() {
        return waited;
    }

    public String lastFailure() {
        return lastFailure;
    }
}
