package io.mmg.gateway.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up that gave up on PostgreSQL is reported as what happened and what to do, in a few lines, instead of
 * the stack trace of every bean that was being created (Spring Boot then logs the trace at DEBUG only).
 */
public class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
        if (cause.waited().isZero()) {
            return new FailureAnalysis("PostgreSQL at " + cause.where() + " answered but refused the gateway: "
                    + cause.lastFailure() + ". Waiting would not change that, so the gateway did not wait.",
                    "Correct SPRING_DATASOURCE_URL (the database name), SPRING_DATASOURCE_USERNAME or"
                            + " SPRING_DATASOURCE_PASSWORD, or create the database.", cause);
        }
        String description = "The gateway waited " + cause.waited().toSeconds() + " s for PostgreSQL at " + cause.where()
                + " and could not reach it. Last failure: " + cause.lastFailure();
        String action = "Start PostgreSQL, or correct SPRING_DATASOURCE_URL (and its user and password). "
                + "gateway.database.startup-wait (GATEWAY_DB_STARTUP_WAIT) sets how long start-up waits for it.";
        return new FailureAnalysis(description, action, cause);
    }
}
