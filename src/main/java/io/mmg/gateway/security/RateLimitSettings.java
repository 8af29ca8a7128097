package io.mmg.gateway.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** gateway.rate-limits.*: the per-minute limits of a client without limits of its own (0 = unlimited). */
@Component
public class RateLimitSettings {

    private final int initiationsPerMinute;
    private final int readsPerMinute;
    private final boolean sandboxUnlimited;

    public RateLimitSettings(@Value("${gateway.rate-limits.initiations-per-minute:100}") int initiationsPerMinute,
                             @Value("${gateway.rate-limits.reads-per-minute:1000}") int readsPerMinute,
                             @Value("${gateway.rate-limits.sandbox-unlimited:true}") boolean sandboxUnlimited) {
        if (initiationsPerMinute < 0 || readsPerMinute < 0) {
            throw new IllegalArgumentException("gateway.rate-limits.* must be 0 (unlimited) or more");
        }
        this.initiationsPerMinute = initiationsPerMinute;
        this.readsPerMinute = readsPerMinute;
        this.sandboxUnlimited = sandboxUnlimited;
    }

    public int initiationsPerMinute() {
        return initiationsPerMinute;
    }

    public int readsPerMinute() {
        return readsPerMinute;
    }

    public boolean sandboxUnlimited() {
        return sandboxUnlimited;
    }
}
