package io.mmg.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Live status under load (benchmarks/live-status.sh, docs/benchmarks.md): opens one WebSocket per payment (the
 * payments are made PENDING by the script), waits for every first message, measures the gateway's heap and RSS per
 * open connection, then changes each payment's status, one transaction at a time as the gateway's own status
 * statement does, and times each change from the statement being sent to its message arriving.
 * Tokens are signed here with the sandbox's built-in key (public; the gateway runs with the sandbox on).
 * Only the JDK; the PostgreSQL driver is on the class path at run time.
 */
public final class LiveStatusBench {

    private static final byte[] SANDBOX_KEY =
            "mmg-sandbox-live-status-key-not-secret-0123456789".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern PAYMENT_ID = Pattern.compile("\"paymentId\":\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("gateway");            // ws://127.0.0.1:port
        String jdbcUrl = System.getProperty("jdbc");
        long pid = Long.parseLong(System.getProperty("pid"));
        String clientId = System.getProperty("client");

        List<UUID> payments = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT id FROM payment WHERE status = 'PENDING' AND external_id LIKE 'live-bench-%'")) {
            while (rows.next()) {
                payments.add(rows.getObject(1, UUID.class));
            }
        }
        int n = payments.size();
        long heapBefore = heapUsedKb(pid);
        long rssBefore = rssKb(pid);

        Map<UUID, Long> arrived = new ConcurrentHashMap<>();
        CountDownLatch firstMessages = new CountDownLatch(n);
        CountDownLatch finalMessages = new CountDownLatch(n);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<WebSocket> sockets = new ArrayList<>();
        long openStart = System.nanoTime();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (UUID payment : payments) {
            opening.add(http.newWebSocketBuilder().subprotocols("mmg.payment-updates", token(payment, clientId))
                    .buildAsync(URI.create(base + "/api/v1/live/payments/" + payment),
                            new Listener(arrived, firstMessages, finalMessages)));
            if (opening.size() % 200 == 0) {
                CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
        }
        for (CompletableFuture<WebSocket> socket : opening) {
            sockets.add(socket.get(60, TimeUnit.SECONDS));
        }
        if (!firstMessages.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(firstMessages.getCount() + " connections got no first message");
        }
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        long heapOpen = heapUsedKb(pid);
        long rssOpen = rssKb(pid);

        Map<UUID, Long> sent = new ConcurrentHashMap<>();
        long changeStart = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement change = db.prepareStatement("""
                     WITH updated AS (
                         UPDATE payment SET status = 'SUCCESSFUL', completed_at = now(), next_poll_at = NULL,
                                            updated_at = now()
                          WHERE id = ? AND status = 'PENDING' RETURNING id)
                     INSERT INTO payment_event (payment_id, type, from_status, to_status, source)
                     SELECT id, 'STATUS_CHANGED', 'PENDING', 'SUCCESSFUL', 'BENCHMARK' FROM updated""")) {
            for (UUID payment : payments) {
                change.setObject(1, payment);
                sent.put(payment, System.nanoTime());
                change.executeUpdate();
            }
        }
        double changeSeconds = (System.nanoTime() - changeStart) / 1e9;
        boolean all = finalMessages.await(120, TimeUnit.SECONDS);

        double[] latencies = payments.stream().filter(arrived::containsKey)
                .mapToDouble(p -> (arrived.get(p) - sent.get(p)) / 1e6).sorted().toArray();
        System.out.printf("subscriptions: %d open in %.1f s%n", n, openSeconds);
        System.out.printf("memory per open connection: heap %.1f KB, RSS %.1f KB (heap %d -> %d MB, RSS %d -> %d MB)%n",
                (heapOpen - heapBefore) / (double) n, (rssOpen - rssBefore) / (double) n,
                heapBefore / 1024, heapOpen / 1024, rssBefore / 1024, rssOpen / 1024);
        System.out.printf("status changes: %d in %.1f s (%.0f/s, one transaction each)%n", n, changeSeconds,
                n / changeSeconds);
        System.out.printf("change -> message: p50 %.1f ms, p99 %.1f ms, max %.1f ms; messages %d of %d%s%n",
                percentile(latencies, 50), percentile(latencies, 99), latencies[latencies.length - 1],
                latencies.length, n, all ? "" : " (some missing)");
        sockets.forEach(WebSocket::abort);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static final class Listener implements WebSocket.Listener {
        private final Map<UUID, Long> arrived;
        private final CountDownLatch first;
        private final CountDownLatch last;
        private final StringBuilder text = new StringBuilder();
        private boolean seenFirst;

        Listener(Map<UUID, Long> arrived, CountDownLatch first, CountDownLatch last) {
            this.arrived = arrived;
            this.first = first;
            this.last = last;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean whole) {
            long now = System.nanoTime();
            text.append(data);
            if (whole) {
                String message = text.toString();
                text.setLength(0);
                if (!seenFirst) {
                    seenFirst = true;
                    first.countDown();
                } else if (message.contains("\"SUCCESSFUL\"")) {
                    Matcher id = PAYMENT_ID.matcher(message);
                    if (id.find()) {
                        arrived.put(UUID.fromString(id.group(1)), now);
                    }
                    last.countDown();
                }
            }
            socket.request(1);
            return null;
        }
    }

    /** A client token as the gateway signs it (HS256, kid sandbox). */
    private static String token(UUID payment, String clientId) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"kid\":\"sandbox\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"" + payment + "\",\"aud\":\"mmg-live-status\",\"merchant\":\""
                + clientId + "\",\"scope\":\"payment:read\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SANDBOX_KEY, "HmacSHA256"));
        String signature = b64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
        return header + "." + claims + "." + signature;
    }

    /** The gateway's live heap after a full GC (jcmd), in KB. */
    private static long heapUsedKb(long pid) throws Exception {
        run("jcmd", Long.toString(pid), "GC.run");
        Matcher used = HEAP_USED.matcher(run("jcmd", Long.toString(pid), "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    private static long rssKb(long pid) throws Exception {
        return Arrays.stream(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/status"))
                        .split("\n")).filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
