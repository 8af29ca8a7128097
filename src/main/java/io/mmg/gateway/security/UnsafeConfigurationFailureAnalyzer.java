package io.mmg.gateway.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused setting into Spring Boot's "APPLICATION FAILED TO START" report: the reason under
 * "Description", the fix under "Action", instead of a stack trace (registered in META-INF/spring.factories).
 */
public class UnsafeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
        return new FailureAnalysis(cause.reason(), cause.fix(), null);
    }
}
