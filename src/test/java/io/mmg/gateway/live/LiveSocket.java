package io.mmg.gateway.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A page's WebSocket to the live status endpoint, as the JDK's client opens it: messages in order, and the close. */
final class LiveSocket implements WebSocket.Listener {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** Opens with the token offered as a subprotocol next to ours, as a browser does. */
    static LiveSocket open(String url, String token) {
        return connect(url, "mmg.payment-updates", token);
    }

    /** Opens with the URL as given (e.g. the websocketUrl carrying ?token=). */
    static LiveSocket open(String url) {
        return connect(url, null, null);
    }

    private static LiveSocket connect(String url, String protocol, String token) {
        LiveSocket live = new LiveSocket();
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (protocol != null) {
            builder.subprotocols(protocol, token);
        }
        try {
            live.socket = builder.buildAsync(URI.create(url), live).get(10, TimeUnit.SECONDS);
            return live;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status a refused handshake was answered with. */
    static int refusedWith(String url, String protocol, String token) {
        try {
            connect(url, protocol, token);
            return 101;
        } catch (IllegalStateException e) {
            Throwable cause = e.getCause() instanceof ExecutionException ee ? ee.getCause() : e.getCause();
            if (cause instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    JsonNode next() throws InterruptedException {
        JsonNode message = messages.poll(20, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("No live status message within 20 s");
        }
        return message;
    }

    int awaitClose() throws Exception {
        return closeCode.get(20, TimeUnit.SECONDS);
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }
}
