package io.mmg.gateway.sandbox;

/**
 * A one-second fixed window, enough to play a provider's "N requests per second" cap (MTN status polls,
 * docs/providers.md#mtn-limits) without any clock-precise fairness.
 */
public final class SandboxRateLimiter {

    private long windowSecond = Long.MIN_VALUE;
    private int requestsInWindow;

    /** True when one more request fits in the current second; {@code perSecond <= 0} means no limit. */
    public synchronized boolean tryAcquire(int perSecond, long nowMillis) {
        if (perSecond <= 0) {
            return true;
        }
        long second = Math.floorDiv(nowMillis, 1000L);
        if (second != windowSecond) {
            windowSecond = second;
            requestsInWindow = 0;
        }
        requestsInWindow++;
        return requestsInWindow <= perSecond;
    }
}
