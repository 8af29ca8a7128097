package io.mmg.gateway.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests a simulator received, per operation: tests use them to prove that the gateway did not call the
 * provider (an open circuit breaker) or called it once (one cached token). Counted per party number too, so
 * tests running side by side can each look at their own numbers only.
 */
public final class SandboxStats {

    /** Bounds the per-number counters in a long-running sandbox; numbers past this are counted in totals only. */
    static final int MAX_TRACKED_NUMBERS = 10_000;

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> requestsByNumber = new ConcurrentHashMap<>();

    void count(SandboxRequest request) {
        increment(requests, request);
        if (request.msisdn() != null) {
            Map<String, LongAdder> forNumber = requestsByNumber.get(request.msisdn());
            if (forNumber == null && requestsByNumber.size() < MAX_TRACKED_NUMBERS) {
                forNumber = requestsByNumber.computeIfAbsent(request.msisdn(), number -> new ConcurrentHashMap<>());
            }
            if (forNumber != null) {
                increment(forNumber, request);
            }
        }
    }

    /** Counts keyed by operation and, where the request had a scope, by {@code scope/operation} as well. */
    public Map<String, Long> requests() {
        return snapshot(requests);
    }

    /** The same, for requests whose party was this number. */
    public Map<String, Long> requests(String msisdn) {
        return snapshot(requestsByNumber.getOrDefault(msisdn, Map.of()));
    }

    void reset() {
        requests.clear();
        requestsByNumber.clear();
    }

    private static void increment(Map<String, LongAdder> counters, SandboxRequest request) {
        counters.computeIfAbsent(request.operation(), name -> new LongAdder()).increment();
        if (request.scope() != null) {
            counters.computeIfAbsent(request.qualifiedOperation(), name -> new LongAdder()).increment();
        }
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((operation, count) -> copy.put(operation, count.sum()));
        return copy;
    }
}
