package io.mmg.gateway.api;

import java.util.Optional;

/**
 * Finds our own exception inside what Camel hands to an onException handler: an exception thrown by
 * a bean called from an expression arrives wrapped (RuntimeBeanExpressionException).
 */
public final class Failures {

    private Failures() {
    }

    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        int depth = 0;
        while (current != null && depth++ < 20) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            current = current.getCause();
        }
        return Optional.empty();
    }
}
