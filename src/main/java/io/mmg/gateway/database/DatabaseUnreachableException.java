package io.mmg.gateway.database;

import java.time.Duration;
import org.springframework.boot.ExitCodeGenerator;

/** Start-up gave up waiting for PostgreSQL (gateway.database.startup-wait). */
public class DatabaseUnreachableException extends RuntimeException implements ExitCodeGenerator {

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

    @Override
    public int getExitCode() {
        return 1;
    }
}
