package io.mmg.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Drives the Daraja simulator's control API (/sandbox/control/mpesa) from tests. Operations: token, stkpush,
 * stkpushquery, b2c, reversal, transactionstatus, accountbalance.
 */
public class MpesaSandbox extends SandboxSimulator {

    public MpesaSandbox(GatewayHttp http) {
        super(http, "mpesa");
    }

    /** The simulator's transactions about a number, newest first (how to find an STK push whose answer was lost). */
    public JsonNode transactionsOf(String msisdn) {
        return http.get("/sandbox/control/mpesa/transactions?msisdn=" + msisdn, null).json();
    }

    /** The newest transaction about a number. */
    public JsonNode latestOf(String msisdn) {
        JsonNode all = transactionsOf(msisdn);
        if (all.isEmpty()) {
            throw new AssertionError("The simulator has no transaction for " + msisdn);
        }
        return all.get(0);
    }

    /** Makes the simulator post a B2C payment's or reversal's QueueTimeOut notice now. */
    public HttpResponseView sendQueueTimeout(String id) {
        return relay("/sandbox/control/mpesa/transactions/" + id + "/timeout", null);
    }

    /** Replaces the simulator's setting overrides, e.g. {"callback-delay":"5s"}. */
    public void settings(String settingsJson) {
        HttpResponseView response = http.send("PUT", "/sandbox/control/mpesa", "{\"settings\":" + settingsJson + "}",
                Map.of("Content-Type", "application/json"));
        if (response.status() != 200) {
            throw new AssertionError("Could not change settings: " + response);
        }
    }
}
