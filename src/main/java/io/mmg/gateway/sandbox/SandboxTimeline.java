package io.mmg.gateway.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per operation per wall-clock second, over the last hour: what a provider's rate limit sees, summed over
 * every gateway instance that calls it (e.g. MTN's status queries, docs/providers.md#mtn-limits).
 */
public final class SandboxTimeline {

    static final long KEPT_SECONDS = 3600;

    private final Map<String, ConcurrentNavigableMap<Long, LongAdder>> perSecond = new ConcurrentHashMap<>();

    void count(SandboxRequest request, long nowMillis) {
        long second = Math.floorDiv(nowMillis, 1000L);
        ConcurrentNavigableMap<Long, LongAdder> seconds =
                perSecond.computeIfAbsent(request.operation(), name -> new ConcurrentSkipListMap<>());
        seconds.computeIfAbsent(second, key -> new LongAdder()).increment();
        seconds.headMap(second - KEPT_SECONDS).clear();
    }

    /** Epoch second to requests of the operation in it; seconds without requests are absent. */
    public Map<Long, Long> perSecond(String operation) {
        Map<Long, Long> copy = new TreeMap<>();
        perSecond.getOrDefault(operation, new ConcurrentSkipListMap<>())
                .forEach((second, count) -> copy.put(second, count.sum()));
        return copy;
    }

    void reset() {
        perSecond.clear();
    }
}
