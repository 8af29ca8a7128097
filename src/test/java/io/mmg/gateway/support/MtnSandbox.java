package io.mmg.gateway.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Drives the MTN simulator's control API (/sandbox/control/mtn) from tests. Requests are counted both per
 * operation ("requesttopay") and per product ("collection/requesttopay").
 */
public class MtnSandbox extends SandboxSimulator {

    public MtnSandbox(GatewayHttp http) {
        super(http, "mtn");
    }

    /** Waits until the simulator itself calls the transaction final (after its callback-delay); returns its status body. */
    public JsonNode awaitFinal(String referenceId) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
                () -> transaction(referenceId).path("statusBody"),
                body -> !body.path("status").asText().equals("PENDING"));
    }
}
