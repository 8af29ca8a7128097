package io.mmg.gateway.provider.mtn;

import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.TokenBucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's status queries to each MTN product within {@code gateway.mtn.status-queries-per-second}:
 * MTN caps get-status calls at about 10 per second (provider-apis.md A12), and the poller, refresh and
 * reconciliation all ask. Each product has its own subscription key, hence its own pace. Callers wait for
 * their turn rather than being refused, so a backlog is worked off at the allowed rate. 0 = no limit.
 */
@Component("mtnStatusQueryPace")
public class MtnStatusQueryPace {

    private final double perSecond;
    private final TokenBucket.Clock clock;
    private final Map<String, TokenBucket> byProduct = new ConcurrentHashMap<>();

    @Autowired
    public MtnStatusQueryPace(@Value("${gateway.mtn.status-queries-per-second:0}") double perSecond) {
        this(perSecond, TokenBucket.SYSTEM);
    }

    MtnStatusQueryPace(double perSecond, TokenBucket.Clock clock) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("gateway.mtn.status-queries-per-second must be 0 (no limit) or more");
        }
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Waits, when the call is a status query and a limit is set, until the product may be asked again. */
    public void pace(ProviderCall call, String product) {
        if (perSecond > 0 && ProviderCall.STATUS.equals(call.operation())) {
            byProduct.computeIfAbsent(product, p -> new TokenBucket(perSecond, clock)).acquire();
        }
    }
}
