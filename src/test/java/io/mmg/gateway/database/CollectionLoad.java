package io.mmg.gateway.database;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A merchant's clients sending collections steadily, each with its own Idempotency-Key, recording every answer
 * and how long it took (as the load did: a few clients, about 20 requests a second in all).
 */
final class CollectionLoad implements AutoCloseable {

    /** One answer: {@code paymentId} from a 202's payment or a 503's details; {@code status} -1 = no answer. */
    record Answer(String key, String phone, long sentAtMillis, long millis, int status, String code, boolean paymentStored,
                  String paymentId, String retryAfter) {
    }

    private static final long PAUSE_MILLIS = 150;

    private final GatewayHttp http;
    private final String apiKey;
    private final long startMillis = System.currentTimeMillis();
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService clients;

    private CollectionLoad(GatewayHttp http, String apiKey, int clientCount) {
        this.http = http;
        this.apiKey = apiKey;
        this.clients = Executors.newFixedThreadPool(clientCount);
        for (int i = 0; i < clientCount; i++) {
            clients.submit(this::sendUntilStopped);
        }
    }

    static CollectionLoad start(GatewayHttp http, String apiKey, int clients) {
        return new CollectionLoad(http, apiKey, clients);
    }

    /** Milliseconds since the load started, on the answers' clock. */
    long now() {
        return System.currentTimeMillis() - startMillis;
    }

    boolean acceptedSince(long sinceMillis) {
        synchronized (answers) {
            return answers.stream().anyMatch(a -> a.status() == 202 && a.sentAtMillis() >= sinceMillis);
        }
    }

    /** Stops the clients, lets the requests in flight finish, and returns every answer. */
    List<Answer> stop() {
        running.set(false);
        clients.shutdown();
        try {
            if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Requests still in flight after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(answers);
    }

    @Override
    public void close() {
        running.set(false);
        clients.shutdownNow();
    }

    /** Sends a collection with this key again (a client's retry), returning the raw answer. */
    static HttpResponseView send(GatewayHttp http, String apiKey, String key, String phone) {
        return http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"1000\",\"phoneNumber\":\"" + phone + "\"}", Map.of("Idempotency-Key", key));
    }

    private void sendUntilStopped() {
        while (running.get()) {
            String key = "outage-" + UUID.randomUUID();
            String phone = Phones.uganda();
            long sentAt = now();
            long start = System.nanoTime();
            Answer answer;
            try {
                HttpResponseView response = send(http, apiKey, key, phone);
                answer = read(key, phone, sentAt, (System.nanoTime() - start) / 1_000_000, response);
            } catch (UncheckedIOException | IllegalStateException e) {
                answer = new Answer(key, phone, sentAt, (System.nanoTime() - start) / 1_000_000, -1, e.toString(), false,
                        null, null);
            }
            answers.add(answer);
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Answer read(String key, String phone, long sentAt, long millis, HttpResponseView response) {
        JsonNode body = response.json();
        if (response.status() == 202) {
            return new Answer(key, phone, sentAt, millis, 202, body.path("status").asText(), true, body.path("id").asText(),
                    null);
        }
        JsonNode details = body.path("details");
        return new Answer(key, phone, sentAt, millis, response.status(), body.path("code").asText(),
                details.path("paymentStored").asBoolean(false),
                details.hasNonNull("paymentId") ? details.path("paymentId").asText() : null,
                response.header("Retry-After"));
    }
}
