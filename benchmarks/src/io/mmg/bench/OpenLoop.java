package io.mmg.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests at a fixed rate whatever the answers do (open loop), so a slow server cannot slow the
 * load down and hide its own latency: each latency is measured from the moment the request was due.
 */
final class OpenLoop {

    private static final int MAX_IN_FLIGHT = 2000;

    private final HttpClient http;

    OpenLoop(HttpClient http) {
        this.http = http;
    }

    /** Sends {@code seconds * perSecond} requests; {@code accepted} says which HTTP statuses count as success. */
    RunResult run(String name, double perSecond, double seconds, IntFunction<HttpRequest> requestNumber,
                  IntPredicate accepted) throws InterruptedException {
        int total = (int) Math.round(perSecond * seconds);
        Latencies latencies = new Latencies();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                fail(errors, firstError, "more than " + MAX_IN_FLIGHT + " requests in flight");
                continue;
            }
            http.sendAsync(requestNumber.apply(i), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                latencies.add(System.nanoTime() - due);
                if (error != null) {
                    fail(errors, firstError, error.getClass().getSimpleName() + ": " + error.getMessage());
                } else if (!accepted.test(response.statusCode())) {
                    fail(errors, firstError, "HTTP " + response.statusCode() + " " + abbreviate(response.body()));
                }
                inFlight.release();
            });
        }
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            fail(errors, firstError, "answers still missing 60 s after the last request");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new RunResult(name, perSecond, latencies.count() / elapsed, total, errors.get(),
                latencies.percentileMs(50), latencies.percentileMs(99), firstError.get());
    }

    private static void fail(AtomicInteger errors, AtomicReference<String> firstError, String what) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, what);
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
