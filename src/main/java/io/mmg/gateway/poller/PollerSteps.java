package io.mmg.gateway.poller;

import java.util.Map;
import org.springframework.stereotype.Component;

/** Parameters of the status poller route (routes/poller.yaml). Its threads: camel.threadpool.config.poller. */
@Component("pollerSteps")
public class PollerSteps {

    private final PollerSettings settings;

    public PollerSteps(PollerSettings settings) {
        this.settings = settings;
    }

    /** claim-due-payments.sql: how many rows, and for how long they are ours. */
    public Map<String, Object> claimParams() {
        return Map.of("batchSize", settings.batchSize(), "leaseSeconds", Math.max(1, settings.lease().toSeconds()));
    }
}
