package io.mmg.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The benchmark's load generator, run as its own process by benchmarks/run.sh. Each command prints its
 * measurements as lines starting with "RESULT" (key=value), which run.sh turns into the table.
 *
 * <pre>
 *   knee &lt;health|simulator|collections&gt; &lt;rates, comma separated&gt; &lt;seconds per step&gt; &lt;p99 limit ms&gt;
 *   callbacks &lt;count&gt; &lt;workers&gt;
 *   pending &lt;count&gt;            (payments whose callbacks never come: left for the poller)
 *   await-resolved &lt;timeout s&gt; [name]  (until no payment is PENDING)
 *   simulator-settings &lt;json&gt;  (PUT /sandbox/control/mtn)
 *   status-queries             (request-to-pay status queries the MTN simulator received)
 * </pre>
 */
public final class LoadGenerator {

    private final Gateway gateway;

    private LoadGenerator(Gateway gateway) {
        this.gateway = gateway;
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("gateway", "http://127.0.0.1:8080");
        LoadGenerator generator = new LoadGenerator(new Gateway(base));
        switch (args[0]) {
            case "knee" -> generator.knee(args[1], Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray(),
                    Double.parseDouble(args[3]), Double.parseDouble(args[4]));
            case "callbacks" -> generator.callbacks(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "pending" -> generator.pending(Integer.parseInt(args[1]));
            case "await-resolved" -> generator.awaitResolved(Double.parseDouble(args[1]), args.length > 2 ? args[2] : "resolved");
            case "simulator-settings" -> generator.gateway.setMtnSimulator(args[1]);
            case "status-queries" -> System.out.println("RESULT status-queries count="
                    + JsonText.number(generator.gateway.mtnStats(), "requesttopay-status"));
            default -> throw new IllegalArgumentException("Unknown command " + args[0]);
        }
        System.exit(0);
    }

    /**
     * Raises the offered rate step by step; the knee is the last step with no error, p99 within the limit and
     * the offered rate achieved.
     */
    private void knee(String scenario, double[] rates, double seconds, double p99LimitMs) throws Exception {
        IntFunction<HttpRequest> request = requests(scenario);
        int accepted = scenario.equals("health") ? 200 : 202;
        OpenLoop load = new OpenLoop(gateway.http);
        System.out.println("warm-up " + load.run(scenario, rates[0], Math.max(5, seconds), request, s -> s == accepted).line());
        RunResult knee = null;
        RunResult beyond = null;
        for (double rate : rates) {
            RunResult step = load.run(scenario, rate, seconds, request, s -> s == accepted);
            System.out.println("step    " + step.line());
            if (!step.ok(p99LimitMs)) {
                beyond = step;
                break;
            }
            knee = step;
        }
        print("knee." + scenario, knee);
        print("beyond." + scenario, beyond);
    }

    private IntFunction<HttpRequest> requests(String scenario) throws Exception {
        AtomicInteger numbers = new AtomicInteger();
        return switch (scenario) {
            case "health" -> n -> gateway.ping();
            case "collections" -> n -> gateway.collection(numbers.getAndIncrement());
            case "simulator" -> {
                String token = gateway.simulatorToken();
                yield n -> gateway.simulatorRequestToPay(token, numbers.getAndIncrement());
            }
            default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
        };
    }

    /** Callbacks ingested per second: payments whose callbacks were held back get them all at once. */
    private void callbacks(int count, int workers) throws Exception {
        gateway.suppressMtnCallbacks();
        List<String> ids = create(count, workers);
        gateway.resetMtnSimulator();
        Thread.sleep(1000);   // every simulated transaction is final by now (callback-delay)
        List<HttpRequest> callbacks = new ArrayList<>(parallel(ids.size(), workers, i -> {
            String transaction = gateway.mtnTransaction(ids.get(i));
            return HttpRequest.newBuilder(URI.create(JsonText.string(transaction, "callbackUrl")))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JsonText.object(transaction, "statusBody"))).build();
        }));
        RunResult result = new ClosedLoop(gateway.http).run("callbacks", workers, callbacks.size(), callbacks::get, s -> s == 200);
        System.out.println(result.line());
        print("callbacks", result);
    }

    /** Payments the simulator processes but never calls back about: only the poller can finish them. */
    private void pending(int count) throws Exception {
        gateway.suppressMtnCallbacks();
        long start = System.nanoTime();
        List<String> ids = create(count, 16);
        gateway.resetMtnSimulator();
        System.out.printf(Locale.ROOT, "RESULT pending created=%d seconds=%.1f%n", ids.size(), (System.nanoTime() - start) / 1e9);
    }

    private void awaitResolved(double timeoutSeconds, String name) throws Exception {
        long start = System.nanoTime();
        long pending = gateway.countPayments("PENDING");
        long initial = pending;
        while (pending > 0 && (System.nanoTime() - start) / 1e9 < timeoutSeconds) {
            Thread.sleep(100);
            pending = gateway.countPayments("PENDING");
        }
        System.out.printf(Locale.ROOT, "RESULT %s initial=%d left=%d seconds=%.2f%n", name, initial, pending,
                (System.nanoTime() - start) / 1e9);
    }

    private List<String> create(int count, int workers) throws Exception {
        return parallel(count, workers, i -> {
            HttpResponse<String> answer = gateway.send(gateway.collection(i), 202);
            return JsonText.string(answer.body(), "id");
        });
    }

    private interface Job<T> {
        T run(int i) throws Exception;
    }

    private static <T> List<T> parallel(int count, int workers, Job<T> job) throws InterruptedException {
        ConcurrentLinkedQueue<T> results = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        results.add(job.run(i));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (results.size() != count) {
            throw new IllegalStateException("Only " + results.size() + " of " + count + " succeeded");
        }
        return new ArrayList<>(results);
    }

    private static void print(String name, RunResult result) {
        if (result == null) {
            System.out.println("RESULT " + name + " none");
            return;
        }
        System.out.printf(Locale.ROOT, "RESULT %s rate=%.0f p50=%.2f p99=%.2f errors=%d requests=%d%n", name,
                result.achievedPerSecond(), result.p50Ms(), result.p99Ms(), result.errors(), result.requests());
    }
}
