package io.mmg.gateway.provider;

/**
 * The provider bulkheads are configured so that stuck providers could hold every request thread (or a bound is
 * not positive): the gateway refuses to start rather than stall later (docs/provider-limits.md).
 */
public class BulkheadBudgetException extends RuntimeException {

    public BulkheadBudgetException(String message) {
        super(message, null, false, false);
    }
}
