package io.mmg.gateway.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A merchant's system as a careful integrator writes it: every order has its own Idempotency-Key, and on a
 * connection failure, a 5xx, a 429 or a 409 "in progress" it sends the same request with the same key again,
 * until it gets an answer that settles the order (2xx, or another 4xx) or its patience runs out. A 404
 * {@code NOT_FOUND} (no such endpoint) is sent again too, and counted: a gateway still starting must not answer it
 * (the crash test checks), but the order should not be lost to it either.
 */
final class Merchant {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PAUSE = Duration.ofMillis(300);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<String> gateway;

    /** @param gateway the base URL to call now (two instances: any of them) */
    Merchant(Supplier<String> gateway) {
        this.gateway = gateway;
    }

    /** One order: its key is also its externalId, the id MTN echoes and the simulator counts charges by. */
    record Order(String key, String phoneNumber, String amount, String currency) {

        String body() {
            return "{\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\",\"phoneNumber\":\"" + phoneNumber
                    + "\",\"externalId\":\"" + key + "\",\"payerMessage\":\"Order " + key + "\"}";
        }
    }

    /** The merchant's view of an order after it stopped sending. */
    record Placed(Order order, int status, String code, String paymentStatus, Set<String> acceptedIds,
                  Set<String> seenIds, int attempts, int connectionFailures, int inProgressAnswers,
                  Map<String, Integer> answers, boolean replayed) {

        /**
         * Settled: 2xx or a 4xx that is not "in progress", "slow down" or "no such endpoint", or any answer the
         * gateway replays for the key (Idempotent-Replayed: the first request's answer, it will not change); else
         * the merchant gave up.
         */
        boolean settled() {
            return replayed || settles(status, code);
        }
    }

    private static boolean settles(int status, String code) {
        if (status == 409) {
            return !"IDEMPOTENCY_REQUEST_IN_PROGRESS".equals(code);
        }
        if (status == 404) {
            return !"NOT_FOUND".equals(code);
        }
        return status >= 200 && status < 500 && status != 429;
    }

    /** A single answer to POST /collections with this key: a replay once the first request is done. */
    record Answer(int status, String code, JsonNode body, boolean replayed) {

        String paymentId() {
            if (body.hasNonNull("id") && body.hasNonNull("status")) {
                return body.get("id").asText();
            }
            JsonNode details = body.path("details");
            if (details.hasNonNull("paymentId")) {
                return details.get("paymentId").asText();
            }
            JsonNode payment = details.path("payment");
            return payment.hasNonNull("id") ? payment.get("id").asText() : null;
        }
    }

    /**
     * Sends the order until it is settled. {@code patience} bounds the whole; a key answered "in progress" for longer
     * than {@code inProgressPatience} is left (its later fate is checked by replaying it), so one stuck key does not
     * hold this client's other orders.
     */
    Placed collect(Order order, Duration patience, Duration inProgressPatience) {
        Instant deadline = Instant.now().plus(patience);
        Instant firstInProgress = null;
        Set<String> accepted = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        int attempts = 0;
        int connectionFailures = 0;
        int inProgress = 0;
        Map<String, Integer> answers = new TreeMap<>();
        Answer last = new Answer(0, "NO_ANSWER", JSON.createObjectNode(), false);
        while (true) {
            attempts++;
            try {
                last = send(order);
                String id = last.paymentId();
                if (id != null) {
                    seen.add(id);
                    if (last.status() / 100 == 2) {
                        accepted.add(id);
                    }
                }
                if ("IDEMPOTENCY_REQUEST_IN_PROGRESS".equals(last.code())) {
                    inProgress++;
                    firstInProgress = firstInProgress == null ? Instant.now() : firstInProgress;
                } else {
                    firstInProgress = null;
                }
            } catch (IOException e) {
                connectionFailures++;
                last = new Answer(0, "CONNECTION_FAILED", JSON.createObjectNode(), false);
            }
            answers.merge(last.status() + (last.code() == null ? "" : " " + last.code()), 1, Integer::sum);
            Placed placed = new Placed(order, last.status(), last.code(), last.body().path("status").asText(null),
                    accepted, seen, attempts, connectionFailures, inProgress, answers, last.replayed());
            boolean stuck = firstInProgress != null
                    && Instant.now().isAfter(firstInProgress.plus(inProgressPatience));
            if (placed.settled() || stuck || Instant.now().isAfter(deadline)) {
                return placed;
            }
            sleep(PAUSE);
        }
    }

    /** The same request once, as a replay check: no retries. */
    Answer replay(Order order) throws IOException {
        return send(order);
    }

    private Answer send(Order order) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.get() + "/api/v1/collections"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + FaultGateways.API_KEY)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", order.key())
                .POST(HttpRequest.BodyPublishers.ofString(order.body()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                body = JSON.createObjectNode().put("notJson", response.body());
            }
            boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
            return new Answer(response.statusCode(), body.path("code").asText(null), body, replayed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
