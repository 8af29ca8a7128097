package io.mmg.gateway.sandbox;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A merchant's callback listener on a random local port, recording what the simulators and the gateway's
 * webhooks send it. It answers 200, or the statuses a test scripts per path (a receiver that fails, then recovers).
 */
public final class CallbackReceiver implements AutoCloseable {

    /** One request as received; header names are case-insensitive. */
    public record Received(String method, String path, String body, Map<String, List<String>> headers) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Integer>> nextAnswers = new ConcurrentHashMap<>();
    private final Map<String, Integer> standingAnswers = new ConcurrentHashMap<>();

    public CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            received.add(new Received(exchange.getRequestMethod(), path, body, headers));
            exchange.sendResponseHeaders(answerFor(path), -1);
            exchange.close();
        });
        server.start();
    }

    /** A callback URL on host {@code localhost}, the sandbox API user's providerCallbackHost. */
    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** The next requests to this path get these statuses, in order; later ones are answered as before. */
    public void answerNext(String path, int... statuses) {
        Queue<Integer> queue = nextAnswers.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>());
        for (int status : statuses) {
            queue.add(status);
        }
    }

    /** Every later request to this path gets this status (200: healthy again). */
    public void answerAll(String path, int status) {
        standingAnswers.put(path, status);
    }

    private int answerFor(String path) {
        Integer next = nextAnswers.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
        return next != null ? next : standingAnswers.getOrDefault(path, 200);
    }

    /** Waits until this path has received {@code count} requests, and returns them in order. */
    public List<Received> awaitCount(String path, int count, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> received(path).size() >= count);
        return received(path);
    }

    /** Waits for the first callback to this path. */
    public Received awaitOne(String path) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> !received(path).isEmpty());
        return received(path).get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
