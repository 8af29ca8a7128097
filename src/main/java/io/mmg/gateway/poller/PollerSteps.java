package io.mmg.gateway.poller;

import io.mmg.gateway.payment.Payment;
import java.util.Map;
import org.apache.camel.Exchange;
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

    /** reschedule-poll.sql: the provider could not be asked, try this payment again later. */
    public Map<String, Object> rescheduleParams(Exchange exchange) {
        Payment payment = exchange.getProperty("payment", Payment.class);
        return Map.of("id", payment.id(), "nextPollSeconds", settings.nextPollSeconds(payment.pollAttempts()));
    }
}
