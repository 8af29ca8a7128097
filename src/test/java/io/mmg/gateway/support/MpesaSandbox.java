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

    /** A fresh customer of the sandbox's 2547110xxxxx block: never answers the PIN prompt (docs/sandbox.md). */
    public static String customerWhoNeverAnswers() {
        return "2547110" + Phones.kenya().substring(7);
    }

    /** A fresh payee of the sandbox's 2547120xxxxx block: its B2C payment times out in Daraja's queue. */
    public static String payeeWhoseQueueTimesOut() {
        return "2547120" + Phones.kenya().substring(7);
    }

    /**
     * Daraja takes the next {@code operation} request about this number but answers after the gateway's
     * timeout (the "answer lost" case); with {@code holdCallback} its callback or Result is not sent either.
     */
    public void answerLate(String operation, String msisdn, boolean holdCallback) {
        addFault("{\"operation\":\"" + operation + "\",\"msisdn\":\"" + msisdn + "\",\"times\":1,\"delayMs\":2500,"
                + "\"delayAfterProcessing\":true,\"suppressCallback\":" + holdCallback + "}");
    }

    /** Daraja processes the next {@code operation} request about this number but never sends its callback or Result. */
    public void loseCallback(String operation, String msisdn) {
        addFault("{\"operation\":\"" + operation + "\",\"msisdn\":\"" + msisdn + "\",\"times\":1,"
                + "\"suppressCallback\":true}");
    }

    /** The next {@code times} requests about this number get {@code httpStatus} with Daraja's {@code errorCode} (null: its usual one). */
    public void fail(String operation, String msisdn, int times, int httpStatus, String errorCode) {
        addFault("{\"operation\":\"" + operation + "\",\"msisdn\":" + (msisdn == null ? "null" : "\"" + msisdn + "\"")
                + ",\"times\":" + times + ",\"httpStatus\":" + httpStatus
                + (errorCode == null ? "" : ",\"errorCode\":\"" + errorCode + "\"") + "}");
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
