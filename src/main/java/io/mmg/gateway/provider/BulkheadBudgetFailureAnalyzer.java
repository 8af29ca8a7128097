package io.mmg.gateway.provider;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused bulkhead budget into Spring Boot's short start-up report (one line, no stack trace). */
public class BulkheadBudgetFailureAnalyzer extends AbstractFailureAnalyzer<BulkheadBudgetException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BulkheadBudgetException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set gateway.mtn.max-concurrent-calls and gateway.mpesa.max-concurrent-calls so that 3 x each, added "
                        + "up, stays below GATEWAY_REQUEST_THREADS (README, Configuration).", cause);
    }
}
