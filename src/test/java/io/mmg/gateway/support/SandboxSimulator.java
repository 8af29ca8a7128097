package io.mmg.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Drives one simulator's control API (/sandbox/control/{simulator}) from tests: faults scoped to one phone
 * number keep tests apart; request counts prove what did or did not reach the provider.
 */
public class SandboxSimulator {

    protected final GatewayHttp http;
    private final String control;

    protected SandboxSimulator(GatewayHttp http, String simulator) {
        this.http = http;
        this.control = "/sandbox/control/" + simulator;
    }

    /** Adds a fault, e.g. {"operation":"requesttopay","msisdn":"...","times":3,"httpStatus":503}. */
    public void addFault(String faultJson) {
        HttpResponseView response = http.send("POST", control + "/faults", faultJson,
                Map.of("Content-Type", "application/json"));
        if (response.status() != 200) {
            throw new AssertionError("Could not add fault: " + response);
        }
    }

    /** What the simulator knows of a transaction, including the callback URL it was given. */
    public JsonNode transaction(String referenceId) {
        HttpResponseView response = http.get(control + "/transactions/" + referenceId, null);
        if (response.status() != 200) {
            throw new AssertionError("Simulator has no transaction " + referenceId + ": " + response);
        }
        return response.json();
    }

    /**
     * Makes the simulator send a transaction's callback again, as the provider would on a duplicate delivery;
     * fields of {@code overrides} replace those of the callback body. Returns what the gateway answered.
     */
    public HttpResponseView resendCallback(String referenceId, String overrides) {
        return relay(control + "/transactions/" + referenceId + "/callback", overrides);
    }

    /** Posts through the control API and returns what the gateway answered the simulator. */
    protected HttpResponseView relay(String path, String body) {
        HttpResponseView sent = http.send("POST", path, body, Map.of("Content-Type", "application/json"));
        if (sent.status() != 200) {
            throw new AssertionError("Simulator could not send the callback: " + sent);
        }
        JsonNode answer = sent.json();
        return new HttpResponseView(answer.path("status").asInt(), answer.path("body").asText(), sent.headers());
    }

    public void reset() {
        http.send("DELETE", control, null, Map.of());
    }

    /** How many requests of an operation the simulator received for a number (or in all, with null). */
    public int requests(String operation, String msisdn) {
        String path = control + "/stats" + (msisdn == null ? "" : "?msisdn=" + msisdn);
        return http.get(path, null).json().path("requests").path(operation).asInt(0);
    }

    /** Zeroes the request counts. */
    public void resetStats() {
        http.send("DELETE", control + "/stats", null, Map.of());
    }
}
