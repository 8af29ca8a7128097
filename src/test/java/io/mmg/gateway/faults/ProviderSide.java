package io.mmg.gateway.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.JarProcess;
import io.mmg.gateway.support.MtnSandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The simulators in a process of their own ({@code --spring.profiles.active=simulators}): they outlive every gateway
 * kill, so what they received and created is the provider's truth about each order and payment.
 */
final class ProviderSide implements AutoCloseable {

    private final JarProcess process;
    private final GatewayHttp http;
    private final MtnSandbox mtn;

    private ProviderSide(JarProcess process) {
        this.process = process;
        this.http = new GatewayHttp(process.port());
        this.mtn = new MtnSandbox(http);
    }

    /** @param settings simulator settings, e.g. {@code --gateway.sandbox.mtn.callback-delay=200ms} */
    static ProviderSide start(Path runDir, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=simulators"));
        arguments.addAll(List.of(settings));
        JarProcess process = JarProcess.of("simulators", List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"), arguments, Map.of(), runDir);
        process.startAndAwaitReady();
        return new ProviderSide(process);
    }

    String mtnBaseUrl() {
        return process.baseUrl() + "/sandbox/mtn";
    }

    String mpesaBaseUrl() {
        return process.baseUrl() + "/sandbox/mpesa";
    }

    /** Adds an MTN fault (docs/sandbox.md), e.g. {"operation":"requesttopay","dropConnection":true}. */
    void addFault(String faultJson) {
        mtn.addFault(faultJson);
    }

    /** A well-behaved MTN again; the counts stay. */
    void clearFaults() {
        HttpResponseView answer = http.put("/sandbox/control/mtn", null, "{\"faults\":[]}");
        if (answer.status() != 200) {
            throw new AssertionError("Could not clear the faults: " + answer);
        }
    }

    int requests(String operation, String msisdn) {
        return mtn.requests(operation, msisdn);
    }

    /** The references MTN created per externalId: more than one is a second charge for one order. */
    Map<String, Set<String>> createdByExternalId() {
        Map<String, Set<String>> created = new TreeMap<>();
        references().path("createdByExternalId").fields().forEachRemaining(entry -> {
            Set<String> ids = new HashSet<>();
            entry.getValue().forEach(id -> ids.add(id.asText()));
            created.put(entry.getKey(), ids);
        });
        return created;
    }

    /** Per reference: requests per operation, most in flight at once per operation, transactions created. */
    JsonNode references() {
        return http.get("/sandbox/control/mtn/references", null).json();
    }

    /** Requests of an operation per epoch second. */
    Map<Long, Long> perSecond(String operation) {
        Map<Long, Long> counts = new TreeMap<>();
        http.get("/sandbox/control/mtn/timeline?operation=" + operation, null).json().path("perSecond").fields()
                .forEachRemaining(entry -> counts.put(Long.parseLong(entry.getKey()), entry.getValue().asLong()));
        return counts;
    }

    /** The same, for the seconds from {@code from} to {@code to} (epoch seconds, both included). */
    Map<Long, Long> perSecond(String operation, long from, long to) {
        Map<Long, Long> counts = perSecond(operation);
        counts.keySet().removeIf(second -> second < from || second > to);
        for (long second = from; second <= to; second++) {
            counts.putIfAbsent(second, 0L);
        }
        return counts;
    }

    /** The most requests in any {@code window} consecutive seconds of a per-second count. */
    static long busiest(Map<Long, Long> perSecond, int window) {
        List<Long> counts = new ArrayList<>(new TreeMap<>(perSecond).values());
        long busiest = 0;
        for (int first = 0; first + window <= counts.size(); first++) {
            busiest = Math.max(busiest, counts.subList(first, first + window).stream().mapToLong(Long::longValue).sum());
        }
        return busiest;
    }

    /** What MTN says of a reference now: SUCCESSFUL, FAILED, PENDING, or null when it has no such transaction. */
    String status(String reference) {
        HttpResponseView answer = http.get("/sandbox/control/mtn/transactions/" + reference, null);
        if (answer.status() == 404) {
            return null;
        }
        return answer.json().path("statusBody").path("status").asText();
    }

    @Override
    public void close() {
        process.close();
    }
}
