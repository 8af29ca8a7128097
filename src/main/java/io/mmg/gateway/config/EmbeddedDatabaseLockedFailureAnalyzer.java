package io.mmg.gateway.config;

import io.mmg.gateway.database.EmbeddedDatabaseLockedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A second gateway started on the same embedded database folder: one paragraph saying so, not a stack trace. */
public class EmbeddedDatabaseLockedFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseLockedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseLockedException cause) {
        String description = "Another gateway is already running on the embedded database in " + cause.dataDir()
                + " (" + cause.dataDir().toAbsolutePath() + "): its folder is locked while that gateway runs.";
        String action = "Use the gateway that is running, or stop it first. To run a second one, give it a folder of its"
                + " own (GATEWAY_EMBEDDED_DB_DIR) and a port of its own (GATEWAY_PORT), or point both at one PostgreSQL"
                + " with SPRING_DATASOURCE_URL (README \"Running for real\").";
        return new FailureAnalysis(description, action, cause);
    }
}
