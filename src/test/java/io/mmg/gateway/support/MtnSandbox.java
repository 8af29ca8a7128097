package io.mmg.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Drives the MTN simulator's control API (/sandbox/control/mtn) from tests: faults scoped to one
 * phone number keep tests apart; request counts prove what did or did not reach the provider.
 */
public class MtnSandbox {

    private final GatewayHttp http;

    public MtnSandbox(GatewayHttp http) {
        this.http = http;
    }

    /** Adds a fault, e.g. {"operation":"requesttopay","msisdn":"...","times":3,"httpStatus":503}. */
    public void addFault(String faultJson) {
        HttpResponseView response = http.send("POST", "/sandbox/control/mtn/faults", faultJson,
                Map.of("Content-Type", "application/json"));
        if (response.status() != 200) {
            throw new AssertionError("Could not add fault: " + response);
        }
    }

    /** What the simulator knows of a transaction, including the callback URL it was given. */
    public JsonNode transaction(String referenceId) {
        HttpResponseView response = http.get("/sandbox/control/mtn/transactions/" + referenceId, null);
        if (response.status() != 200) {
            throw new AssertionError("Simulator has no transaction " + referenceId + ": " + response);
        }
        return response.json();
    }

    /**
     * Makes the simulator send a transaction's callback again, as MTN would on a duplicate delivery;
     * fields of {@code overrides} replace those of the status body. Returns what the gateway answered.
     */
    public HttpResponseView resendCallback(String referenceId, String overrides) {
        HttpResponseView sent = http.send("POST", "/sandbox/control/mtn/transactions/" + referenceId + "/callback",
                overrides, Map.of("Content-Type", "application/json"));
        if (sent.status() != 200) {
            throw new AssertionError("Simulator could not resend the callback: " + sent);
        }
        JsonNode answer = sent.json();
        return new HttpResponseView(answer.path("status").asInt(), answer.path("body").asText(), sent.headers());
    }

    public void reset() {
        http.send("DELETE", "/sandbox/control/mtn", null, Map.of());
    }

    /** How many requests of an operation the simulator received for a number (or in all, with null). */
    public int requests(String operation, String msisdn) {
        String path = "/sandbox/control/mtn/stats" + (msisdn == null ? "" : "?msisdn=" + msisdn);
        // Counted both per operation ("requesttopay") and per product ("collection/requesttopay").
        return http.get(path, null).json().path("requests").path(operation).asInt(0);
    }
}
