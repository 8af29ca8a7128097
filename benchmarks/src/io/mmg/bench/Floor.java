package io.mmg.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;

/**
 * The floor of a collection (docs/benchmarks.md "The gateway against its floor"): the same durable work with no framework. Plain JDBC, the JDK's HttpServer
 * and HttpClient, nothing else on the classpath but the PostgreSQL driver.
 *
 * <pre>
 * POST /api/v1/collections   insert the payment PENDING (commit), POST requesttopay to the MTN simulator with a
 *                            callback URL here, record its answer (commit), answer 202
 * PUT  /callback/{id}        the simulator's callback: one conditional update (only while PENDING), answer 200
 * GET  /ping                 answer 200 (the floor is up)
 * </pre>
 *
 * Arguments: port, JDBC URL (user postgres), MTN simulator base URL (…/sandbox/mtn). The pool has as many connections
 * as the gateway's (FLOOR_POOL, 10) and the server as many threads as the gateway's request threads (FLOOR_THREADS, 64).
 */
public final class Floor {

    private static final String MTN_API_USER = "7a3e1c2b-8d4f-4a6b-9c1d-2e3f4a5b6c7d";
    private static final String MTN_API_KEY = "sandbox0collection0api0key000001";
    private static final String MTN_COLLECTION_KEY = "sandbox-collection-key";

    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS floor_payment (
                id uuid PRIMARY KEY,
                client_id text NOT NULL,
                status text NOT NULL,
                amount numeric(19, 4) NOT NULL,
                currency text NOT NULL,
                phone_number text NOT NULL,
                external_id text,
                idempotency_key text,
                response_code int,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (client_id, idempotency_key))""";
    private static final String INSERT = "INSERT INTO floor_payment (id, client_id, status, amount, currency, phone_number,"
            + " external_id, idempotency_key) VALUES (?, 'bench', 'PENDING', ?, 'EUR', ?, ?, ?)";
    private static final String RECORD = "UPDATE floor_payment SET response_code = ?, updated_at = now() WHERE id = ?";
    private static final String CALLBACK = "UPDATE floor_payment SET status = ?, updated_at = now()"
            + " WHERE id = ? AND status = 'PENDING'";

    private final BlockingQueue<Connection> pool;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String mtn;
    private final String callbackBase;
    private volatile String token;

    private Floor(BlockingQueue<Connection> pool, String mtn, String callbackBase) {
        this.pool = pool;
        this.mtn = mtn;
        this.callbackBase = callbackBase;
    }

    public static void main(String[] args) throws Exception {
        // The JDK's HttpServer leaves Nagle's algorithm on: its answer's second write then waits for the client's
        // delayed ACK, about 40 ms a request. Tomcat (the gateway) turns it off; so does the floor.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(args[0]);
        int poolSize = Integer.parseInt(System.getenv().getOrDefault("FLOOR_POOL", "10"));
        int threads = Integer.parseInt(System.getenv().getOrDefault("FLOOR_THREADS", "64"));
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            pool.add(DriverManager.getConnection(args[1], "postgres", ""));
        }
        try (Statement statement = pool.peek().createStatement()) {
            statement.execute(TABLE);
        }
        Floor floor = new Floor(pool, args[2], "http://localhost:" + port + "/callback/");
        floor.token = floor.mtnToken();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/api/v1/collections", floor::collection);
        server.createContext("/callback/", floor::callback);
        server.createContext("/ping", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.start();
    }

    private void collection(HttpExchange exchange) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String amount = JsonText.string(body, "amount");
            String phone = JsonText.string(body, "phoneNumber");
            String externalId = JsonText.string(body, "externalId");
            UUID id = UUID.randomUUID();
            execute(INSERT, id, new java.math.BigDecimal(amount), phone, externalId,
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            String requestToPay = "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"externalId\":\"" + externalId
                    + "\",\"payer\":{\"partyIdType\":\"MSISDN\",\"partyId\":\"" + phone
                    + "\"},\"payerMessage\":\"Benchmark\",\"payeeNote\":\"Benchmark\"}";
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(mtn + "/collection/v1_0/requesttopay"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Ocp-Apim-Subscription-Key", MTN_COLLECTION_KEY)
                    .header("X-Target-Environment", "sandbox")
                    .header("X-Reference-Id", id.toString())
                    .header("X-Callback-Url", callbackBase + id)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(requestToPay)).build(), HttpResponse.BodyHandlers.ofString());
            execute(RECORD, sent.statusCode(), id);
            int code = sent.statusCode() == 202 ? 202 : 502;
            answer(exchange, code, "{\"id\":\"" + id + "\",\"status\":\"PENDING\",\"amount\":\"" + amount + "\"}");
        } catch (Exception e) {
            answer(exchange, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private void callback(HttpExchange exchange) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            execute(CALLBACK, JsonText.string(body, "status"), id);
            answer(exchange, 200, "");
        } catch (Exception e) {
            answer(exchange, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    /** One statement on a pooled connection in autocommit: one transaction, committed when it returns. */
    private void execute(String sql, Object... parameters) throws SQLException, InterruptedException {
        Connection connection = pool.take();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } finally {
            pool.add(connection);
        }
    }

    private String mtnToken() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((MTN_API_USER + ":" + MTN_API_KEY).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(mtn + "/collection/token/"))
                .header("Authorization", "Basic " + basic)
                .header("Ocp-Apim-Subscription-Key", MTN_COLLECTION_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return JsonText.string(answer.body(), "access_token");
    }

    private static void answer(HttpExchange exchange, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
