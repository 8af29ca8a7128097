package io.mmg.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Reconciliations;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** What the reconciliation tests share: the merchant's runs, planting a change at a simulator, reading events. */
abstract class ReconciliationTestBase extends GatewayApiTest {

    protected Reconciliations reconciliations;

    @BeforeEach
    void reconciliationsOfThisMerchant() {
        reconciliations = new Reconciliations(http, apiKey);
    }

    /** What the simulator ("mtn", "mpesa") says about a transaction changes from now on (docs/sandbox.md). */
    protected void restate(String simulator, String transactionId, String change) {
        HttpResponseView answer = http.send("PATCH", "/sandbox/control/" + simulator + "/transactions/" + transactionId,
                change, Map.of("Content-Type", "application/json"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    /** The poller would settle an open payment by itself within seconds (test timings): keep it out of the way. */
    protected void keepThePollerAway(String paymentId) {
        jdbc.update("UPDATE payment SET next_poll_at = now() + interval '1 hour' WHERE id = ?::uuid", paymentId);
    }

    protected JsonNode mismatchEvent(String paymentId) {
        for (JsonNode event : http.get("/api/v1/payments/" + paymentId + "/events", apiKey).json().path("events")) {
            if (event.path("type").asText().equals("RECONCILIATION_MISMATCH")) {
                return event;
            }
        }
        throw new AssertionError("No RECONCILIATION_MISMATCH event for " + paymentId);
    }
}
