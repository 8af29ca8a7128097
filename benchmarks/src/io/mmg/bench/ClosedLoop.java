package io.mmg.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/** A fixed number of workers, each sending its next request when the previous one is answered: the throughput ceiling. */
final class ClosedLoop {

    private final HttpClient http;

    ClosedLoop(HttpClient http) {
        this.http = http;
    }

    RunResult run(String name, int workers, int total, IntFunction<HttpRequest> requestNumber, IntPredicate accepted)
            throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(requestNumber.apply(i), HttpResponse.BodyHandlers.ofString());
                        if (!accepted.test(response.statusCode())) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "HTTP " + response.statusCode() + " " + OpenLoop.abbreviate(response.body()));
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    latencies.add(System.nanoTime() - sent);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = total / elapsed;
        return new RunResult(name, rate, rate, total, errors.get(), latencies.percentileMs(50), latencies.percentileMs(99),
                firstError.get());
    }
}
