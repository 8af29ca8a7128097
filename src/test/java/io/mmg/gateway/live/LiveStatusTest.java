package io.mmg.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.MpesaSandbox;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Live payment status (docs/live-status.md): client tokens, then WebSocket and Server-Sent Events subscriptions. */
class LiveStatusTest extends GatewayApiTest {

    @Autowired
    PaymentStatusListener listener;

    @Test
    void a_client_token_is_a_short_lived_read_only_jwt_for_one_payment_with_the_addresses_to_subscribe_at()
            throws Exception {
        String id = heldCollection();

        HttpResponseView answer = http.post("/api/v1/payments/" + id + "/client-token", apiKey, "");

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = answer.json();
        assertThat(body.path("paymentId").asText()).isEqualTo(id);
        Instant expires = Instant.parse(body.path("expiresAt").asText());
        assertThat(expires).isBetween(Instant.now().plusSeconds(9 * 60), Instant.now().plusSeconds(10 * 60 + 5));
        assertThat(body.path("websocketUrl").asText())
                .startsWith("ws://localhost:" + port + "/api/v1/live/payments/" + id + "?token=");
        assertThat(body.path("eventsUrl").asText())
                .startsWith("http://localhost:" + port + "/api/v1/live/payments/" + id + "/events?token=");
        SignedJWT jwt = SignedJWT.parse(body.path("token").asText());
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("sandbox");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(id);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("payment:read");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("merchant")).isNotBlank();
    }

    @Test
    void a_client_token_is_refused_for_another_merchants_payment_an_unknown_one_or_without_a_key() {
        String id = heldCollection();
        String otherMerchant = TestMerchants.newApiKey(clients);

        HttpResponseView others = http.post("/api/v1/payments/" + id + "/client-token", otherMerchant, "");
        HttpResponseView unknown = http.post("/api/v1/payments/not-a-payment/client-token", apiKey, "");
        HttpResponseView noKey = http.post("/api/v1/payments/" + id + "/client-token", null, "");

        assertThat(others.status()).isEqualTo(404);
        assertThat(others.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void a_websocket_gets_the_current_state_at_once_then_each_change_and_closes_when_final() throws Exception {
        String phone = Phones.kenya();
        mpesa.answerLate("stkpush", phone, true);
        String id = collect(phone, "160").json().path("id").asText();
        String token = token(id);

        LiveSocket socket = LiveSocket.open(wsUrl(id), token);
        try {
            assertThat(socket.subprotocol()).isEqualTo("mmg.payment-updates");
            JsonNode first = socket.next();
            assertThat(first.path("type").asText()).isEqualTo("PAYMENT_UPDATE");
            assertThat(first.path("paymentId").asText()).isEqualTo(id);
            assertThat(first.path("status").asText()).isEqualTo("UNKNOWN");
            assertThat(Instant.parse(first.path("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));

            mpesa.resendCallback(mpesa.latestOf(phone).path("id").asText(), "{}");

            JsonNode done = socket.next();
            assertThat(done.path("status").asText()).isEqualTo("SUCCESSFUL");
            assertThat(done.has("reason")).isTrue();
            assertThat(socket.awaitClose()).isEqualTo(1000);
            assertThat(socket.messages).isEmpty();
        } finally {
            socket.close();
        }
    }

    @Test
    void the_token_in_the_websocket_url_works_as_well() throws Exception {
        String id = heldCollection();
        String url = http.post("/api/v1/payments/" + id + "/client-token", apiKey, "").json()
                .path("websocketUrl").asText();

        LiveSocket socket = LiveSocket.open(url);
        try {
            assertThat(socket.next().path("status").asText()).isEqualTo("PENDING");
        } finally {
            socket.close();
        }
    }

    @Test
    void an_event_stream_gets_the_current_state_then_the_pollers_answer_and_ends() throws Exception {
        String phone = Phones.kenya();
        mpesa.loseCallback("stkpush", phone);
        String id = collect(phone, "161").json().path("id").asText();

        LiveEventStream stream = LiveEventStream.open(eventsUrl(id, token(id)));

        assertThat(stream.status).isEqualTo(200);
        assertThat(stream.contentType).startsWith("text/event-stream");
        assertThat(stream.next().path("status").asText()).isEqualTo("PENDING");
        JsonNode done = stream.next();
        assertThat(done.path("type").asText()).isEqualTo("PAYMENT_UPDATE");
        assertThat(done.path("status").asText()).isEqualTo("SUCCESSFUL");
        stream.awaitEnd();
    }

    @Test
    void a_browser_reconnecting_to_a_final_payment_it_has_seen_is_told_to_stop() {
        String phone = Phones.kenya();
        String id = collect(phone, "162").json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");
        long version = jdbc.queryForObject("SELECT max(id) FROM payment_event WHERE payment_id = ?::uuid", Long.class, id);

        HttpResponseView again = http.send("GET", eventsUrl(id, token(id)), null,
                Map.of("Accept", "text/event-stream", "Last-Event-ID", Long.toString(version)));

        assertThat(again.status()).isEqualTo(204);
    }

    @Test
    void a_change_made_while_the_listener_was_disconnected_still_arrives_after_it_reconnects() throws Exception {
        String phone = Phones.kenya();
        mpesa.answerLate("stkpush", phone, true);
        String id = collect(phone, "163").json().path("id").asText();
        LiveSocket socket = LiveSocket.open(wsUrl(id), token(id));
        try {
            assertThat(socket.next().path("status").asText()).isEqualTo("UNKNOWN");

            listener.dropConnection();
            await().atMost(Duration.ofSeconds(5)).until(() -> !listener.isListening());
            mpesa.resendCallback(mpesa.latestOf(phone).path("id").asText(), "{}");

            assertThat(socket.next().path("status").asText()).isEqualTo("SUCCESSFUL");
            assertThat(listener.isListening()).isTrue();
        } finally {
            socket.close();
        }
    }

    @Test
    void bad_tokens_are_refused_before_anything_is_opened_in_the_error_format() throws Exception {
        String id = heldCollection();
        String other = heldCollection();
        String token = token(id);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(LiveSocket.refusedWith(wsUrl(id), "mmg.payment-updates", tampered)).isEqualTo(401);
        assertThat(LiveSocket.refusedWith(wsUrl(other), "mmg.payment-updates", token)).isEqualTo(403);
        assertThat(LiveSocket.refusedWith(wsUrl(id), null, null)).isEqualTo(401);

        LiveEventStream forOther = LiveEventStream.open(eventsUrl(other, token));
        assertThat(forOther.status).isEqualTo(403);
        assertThat(forOther.errorBody()).contains("\"code\":\"FORBIDDEN\"");
        HttpResponseView garbage = http.get("/api/v1/live/payments/" + id + "/events?token=not.a.jwt", null);
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.json().path("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(garbage.json().path("error").asText()).isNotBlank();
        HttpResponseView bearer = http.send("GET", "/api/v1/live/payments/" + id + "/events", null,
                Map.of("Authorization", "Bearer " + tampered));
        assertThat(bearer.status()).isEqualTo(401);
    }

    @Test
    void a_payment_takes_no_more_connections_than_allowed() throws Exception {
        String id = heldCollection();
        String token = token(id);
        List<LiveSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                LiveSocket socket = LiveSocket.open(wsUrl(id), token);
                socket.next();
                open.add(socket);
            }

            assertThat(LiveSocket.refusedWith(wsUrl(id), "mmg.payment-updates", token)).isEqualTo(429);
            HttpResponseView stream = http.get(eventsUrl(id, token), null);
            assertThat(stream.status()).isEqualTo(429);
            assertThat(stream.json().path("code").asText()).isEqualTo("RATE_LIMITED");

            open.remove(0).close();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                LiveSocket again = LiveSocket.open(wsUrl(id), token);
                again.close();
            });
        } finally {
            open.forEach(LiveSocket::close);
        }
    }

    @Test
    void the_mpesa_checkout_adapter_hands_out_tokens_whose_updates_come_in_that_apis_shape() throws Exception {
        String phone = Phones.kenya();
        mpesa.answerLate("stkpush", phone, true);
        String id = collect(phone, "164").json().path("id").asText();

        HttpResponseView answer = http.post("/api/payment/transactions/" + id + "/live-token/", apiKey, "");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("transaction_id").asText()).isEqualTo(id);
        assertThat(answer.json().path("expires_at").asText()).isNotBlank();
        LiveSocket socket = LiveSocket.open(answer.json().path("websocket_url").asText());
        try {
            JsonNode first = socket.next();
            assertThat(first.path("type").asText()).isEqualTo("PAYMENT_UPDATE");
            assertThat(first.path("transaction_id").asText()).isEqualTo(id);
            assertThat(first.path("status").asText()).isEqualTo("pending");
            assertThat(first.has("paymentId")).isFalse();

            mpesa.resendCallback(mpesa.latestOf(phone).path("id").asText(), "{}");

            assertThat(socket.next().path("status").asText()).isEqualTo("completed");
            assertThat(socket.awaitClose()).isEqualTo(1000);
        } finally {
            socket.close();
        }
        HttpResponseView others = http.post("/api/payment/transactions/" + id + "/live-token/",
                TestMerchants.newApiKey(clients), "");
        assertThat(others.status()).isEqualTo(404);
        assertThat(others.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    /** A collection the customer never answers: it stays PENDING. */
    private String heldCollection() {
        return collect(MpesaSandbox.customerWhoNeverAnswers(), "165").json().path("id").asText();
    }

    private String token(String id) {
        HttpResponseView answer = http.post("/api/v1/payments/" + id + "/client-token", apiKey, "");
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().path("token").asText();
    }

    private String wsUrl(String id) {
        return "ws://localhost:" + port + "/api/v1/live/payments/" + id;
    }

    private String eventsUrl(String id, String token) {
        return "http://localhost:" + port + "/api/v1/live/payments/" + id + "/events?token=" + token;
    }
}
