package io.mmg.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's helper, run as its own process by benchmarks/run.sh: it prepares what the measurements need
 * (payments left pending, callbacks to replay) and waits for outcomes. The load itself comes from wrk (C, far
 * cheaper on the shared CPU than any JVM client). Each command prints lines starting with "RESULT" (key=value),
 * which run.sh turns into the table.
 *
 * <pre>
 *   mtn-token                  (a Collection token of the MTN simulator, for benchmarks/wrk/simulator.lua)
 *   callbacks-file &lt;count&gt; &lt;file&gt;   (payments whose callbacks were held back, their callbacks for wrk)
 *   await-batch &lt;file name&gt; &lt;timeout s&gt;   (a dropped payout file: imported, then paid)
 *   pending &lt;count&gt;            (payments whose callbacks never come: left for the poller)
 *   simulator-settings &lt;json&gt;  (PUT /sandbox/control/mtn)
 *   status-queries             (request-to-pay status queries the MTN simulator received)
 * </pre>
 */
public final class BenchmarkSteps {

    private final Gateway gateway;

    private BenchmarkSteps(Gateway gateway) {
        this.gateway = gateway;
    }

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("gateway", "http://127.0.0.1:8080");
        BenchmarkSteps generator = new BenchmarkSteps(new Gateway(base));
        switch (args[0]) {
            case "mtn-token" -> System.out.println(generator.gateway.simulatorToken());
            case "callbacks-file" -> generator.callbacksFile(Integer.parseInt(args[1]), args[2]);
            case "await-batch" -> generator.awaitBatch(args[1], Double.parseDouble(args[2]));
            case "pending" -> generator.pending(Integer.parseInt(args[1]));
            case "simulator-settings" -> generator.gateway.setMtnSimulator(args[1]);
            case "status-queries" -> System.out.println("RESULT status-queries count="
                    + JsonText.number(generator.gateway.mtnStats(), "requesttopay-status"));
            default -> throw new IllegalArgumentException("Unknown command " + args[0]);
        }
        System.exit(0);
    }

    /**
     * Payments whose callbacks the simulator held back, and their callbacks written to a file (one
     * "path TAB body" line each) for wrk to send as fast as the gateway takes them (benchmarks/wrk/callbacks.lua).
     */
    private void callbacksFile(int count, String file) throws Exception {
        gateway.suppressMtnCallbacks();
        List<String> ids = create(count, 16);
        gateway.resetMtnSimulator();
        Thread.sleep(1000);   // every simulated transaction is final by now (callback-delay)
        List<String> lines = parallel(ids.size(), 16, i -> {
            String transaction = gateway.mtnTransaction(ids.get(i));
            URI url = URI.create(JsonText.string(transaction, "callbackUrl"));
            return url.getRawPath() + "?" + url.getRawQuery() + "\t" + JsonText.object(transaction, "statusBody");
        });
        Files.write(Path.of(file), lines);
        System.out.printf(Locale.ROOT, "RESULT callbacks-file lines=%d%n", lines.size());
    }

    /** Waits for the payout file's batch: when its rows are all checked and stored, and when all are paid. */
    private void awaitBatch(String fileName, double timeoutSeconds) throws Exception {
        long start = System.nanoTime();
        double imported = -1;
        long peakHeap = 0;
        String batch = null;
        while ((System.nanoTime() - start) / 1e9 < timeoutSeconds) {
            peakHeap = Math.max(peakHeap, gateway.heapUsedBytes());
            batch = gateway.batchNamed(fileName);
            if (batch != null && imported < 0) {
                imported = (System.nanoTime() - start) / 1e9;
            }
            if (batch != null && JsonText.string(batch, "status").matches("COMPLETED|REJECTED|CANCELLED")) {
                break;
            }
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String total = batch == null ? "0" : JsonText.number(batch, "total");
        String successful = batch == null ? "0" : JsonText.number(batch, "successful");
        System.out.printf(Locale.ROOT, "RESULT batch rows=%s imported=%.1f completed=%.1f successful=%s status=%s peakHeapMb=%d%n",
                total, imported, seconds, successful, batch == null ? "NONE" : JsonText.string(batch, "status"),
                peakHeap / (1024 * 1024));
    }

    /** Payments the simulator processes but never calls back about: only the poller can finish them. */
    private void pending(int count) throws Exception {
        gateway.suppressMtnCallbacks();
        long start = System.nanoTime();
        List<String> ids = create(count, 16);
        gateway.resetMtnSimulator();
        System.out.printf(Locale.ROOT, "RESULT pending created=%d seconds=%.1f%n", ids.size(), (System.nanoTime() - start) / 1e9);
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
}
