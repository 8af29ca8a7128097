package io.mmg.gateway.provider.mtn;

import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.SharedTokenBucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the status queries to each MTN product within {@code gateway.mtn.status-queries-per-second}, counted over
 * every gateway instance on the database: MTN caps get-status calls at about 10 per second per subscription key,
 * and the poller, refresh and reconciliation of all instances ask with the same key. Each
 * product has its own key, hence its own pace (a {@link SharedTokenBucket} row, docs/provider-limits.md). Callers
 * wait for their turn rather than being refused, so a backlog is worked off at the allowed rate. 0 = no limit.
 */
@Component("mtnStatusQueryPace")
public class MtnStatusQueryPace {

    private final double perSecond;
    private final Function<String, SharedTokenBucket> bucketOfProduct;
    private final Map<String, SharedTokenBucket> byProduct = new ConcurrentHashMap<>();

    @Autowired
    public MtnStatusQueryPace(@Value("${gateway.mtn.status-queries-per-second:0}") double perSecond, JdbcTemplate jdbc) {
        this(perSecond, product -> new SharedTokenBucket(jdbc, "mtn-" + product + "-status", perSecond,
                SharedTokenBucket.SYSTEM));
    }

    MtnStatusQueryPace(double perSecond, Function<String, SharedTokenBucket> bucketOfProduct) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("gateway.mtn.status-queries-per-second must be 0 (no limit) or more");
        }
        this.perSecond = perSecond;
        this.bucketOfProduct = bucketOfProduct;
    }

    /** Waits, when the call is a status query and a limit is set, until the product may be asked again. */
    public void pace(ProviderCall call, String product) {
        if (perSecond > 0 && ProviderCall.STATUS.equals(call.operation())) {
            byProduct.computeIfAbsent(product, bucketOfProduct).acquire();
        }
    }
}
