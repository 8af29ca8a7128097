package io.mmg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** The requests the benchmark sends: the gateway's API, its MTN simulator and the simulator's control API. */
final class Gateway {

    static final String SANDBOX_API_KEY = "sk_sandbox_demo_key_0123456789";
    private static final String MTN_API_USER = "7a3e1c2b-8d4f-4a6b-9c1d-2e3f4a5b6c7d";
    private static final String MTN_API_KEY = "sandbox0collection0api0key000001";
    private static final String MTN_COLLECTION_KEY = "sandbox-collection-key";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    final String base;
    /** Where the simulators are: the gateway itself, or their own process (-Dsimulator=...). */
    final String simulator;
    final HttpClient http;
    /** Numbers no earlier run used, so daily limits never interfere: 2567 + 8 digits from a random start. */
    private final long phoneBase = (long) (Math.random() * 50_000_000L);

    Gateway(String base) {
        this.base = base;
        this.simulator = System.getProperty("simulator", base);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    String phone(int n) {
        return "2567" + String.format("%08d", (phoneBase + n) % 100_000_000L);
    }

    HttpRequest collection(int n) {
        String body = "{\"amount\":\"1000\",\"phoneNumber\":\"" + phone(n) + "\",\"externalId\":\"bench-" + n + "\"}";
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/collections")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + SANDBOX_API_KEY)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    String simulatorToken() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((MTN_API_USER + ":" + MTN_API_KEY).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(simulator + "/sandbox/mtn/collection/token/"))
                .header("Authorization", "Basic " + basic)
                .header("Ocp-Apim-Subscription-Key", MTN_COLLECTION_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
        return JsonText.string(answer.body(), "access_token");
    }

    /** The MTN simulator keeps processing requests to pay but sends no callbacks (pending until polled). */
    void suppressMtnCallbacks() throws IOException, InterruptedException {
        send(json("POST", "/sandbox/control/mtn/faults", "{\"operation\":\"requesttopay\",\"times\":-1,\"suppressCallback\":true}"), 200);
    }

    void resetMtnSimulator() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(simulator + "/sandbox/control/mtn")).DELETE().build(), 204);
    }

    void setMtnSimulator(String settingsJson) throws IOException, InterruptedException {
        send(json("PUT", "/sandbox/control/mtn", settingsJson), 200);
    }

    String mtnStats() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(simulator + "/sandbox/control/mtn/stats")).GET().build(), 200).body();
    }

    /** The simulator's view of a transaction: its callback URL and its status body now. */
    String mtnTransaction(String referenceId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(simulator + "/sandbox/control/mtn/transactions/" + referenceId)).GET().build(), 200)
                .body();
    }


    /** The newest batches of the sandbox merchant: the one with this file name, or null. */
    String batchNamed(String fileName) throws IOException, InterruptedException {
        String page = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/disbursement-batches?size=5"))
                .header("Authorization", "Bearer " + SANDBOX_API_KEY).GET().build(), 200).body();
        int at = page.indexOf("\"fileName\":\"" + fileName + "\"");
        if (at < 0) {
            return null;
        }
        return JsonText.objectAt(page, page.lastIndexOf("{\"id\"", at));
    }

    long heapUsedBytes() throws IOException, InterruptedException {
        String metric = send(HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                .GET().build(), 200).body();
        return (long) Double.parseDouble(JsonText.number(metric, "value"));
    }

    HttpResponse<String> send(HttpRequest request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + JsonText.abbreviate(response.body()));
        }
        return response;
    }

    private HttpRequest json(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create((path.startsWith("/sandbox") ? simulator : base) + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
