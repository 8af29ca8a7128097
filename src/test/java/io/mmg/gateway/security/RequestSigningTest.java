package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Optional request signing per client (docs/request-signing.md). */
class RequestSigningTest extends GatewayApiTest {

    private static final String BODY = "{\"amount\":\"abc\"}";

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static Map<String, String> signed(String secret, long timestamp, String method, String path, String body) {
        byte[] mac = RequestSignatures.sign(secret, String.valueOf(timestamp), method, path,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Signature-Timestamp", String.valueOf(timestamp));
        headers.put("X-Signature", "v1=" + HexFormat.of().formatHex(mac));
        return headers;
    }

    private HttpResponseView send(ClientSettingsAdmin merchant, String method, String path, String body,
                                  Map<String, String> signature) {
        Map<String, String> headers = new LinkedHashMap<>(signature);
        headers.put("Authorization", "Bearer " + merchant.apiKey());
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return http.send(method, path, body, headers);
    }

    private static void assertRefused(HttpResponseView answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().path("code").asText()).isEqualTo(code);
    }

    @Test
    void a_client_that_does_not_require_signing_is_served_without_a_signature() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);

        assertThat(http.get("/api/v1/payments", merchant.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void a_signed_request_of_a_signing_client_is_served() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);
        String secret = merchant.requireSigning();

        HttpResponseView read = send(merchant, "GET", "/api/v1/payments?size=5", null,
                signed(secret, now(), "GET", "/api/v1/payments?size=5", null));
        HttpResponseView post = send(merchant, "POST", "/api/v1/collections", BODY,
                signed(secret, now(), "POST", "/api/v1/collections", BODY));

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        // Past the signature: the route itself judges the body.
        assertThat(post.status()).as(post.body()).isEqualTo(400);
        assertThat(post.json().path("code").asText()).isNotEqualTo("SIGNATURE_INVALID");
    }

    @Test
    void a_signed_csv_upload_is_read_whole_by_its_route() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);
        String secret = merchant.requireSigning();
        String csv = "external_id,phone_number,amount,currency,provider,narration\n"
                + "SIGNED-1," + Phones.uganda() + ",1000,,,\n";
        String path = "/api/v1/disbursement-batches?approval=required";
        Map<String, String> headers = new LinkedHashMap<>(signed(secret, now(), "POST", path, csv));
        headers.put("Authorization", "Bearer " + merchant.apiKey());
        headers.put("Content-Type", "text/csv");

        HttpResponseView uploaded = http.send("POST", path, csv, headers);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().path("counts").path("total").asInt()).isEqualTo(1);
    }

    @Test
    void an_unsigned_request_of_a_signing_client_is_refused() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);
        merchant.requireSigning();

        assertRefused(http.get("/api/v1/payments", merchant.apiKey()), 401, "SIGNATURE_INVALID");
    }

    @Test
    void a_stale_timestamp_is_refused() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);
        String secret = merchant.requireSigning();
        long tenMinutesAgo = now() - 600;

        HttpResponseView answer = send(merchant, "GET", "/api/v1/payments", null,
                signed(secret, tenMinutesAgo, "GET", "/api/v1/payments", null));

        assertRefused(answer, 401, "SIGNATURE_INVALID");
        assertThat(answer.json().path("details").path("reason").asText()).isEqualTo("stale");
    }

    @Test
    void a_replayed_signature_is_refused() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);
        String secret = merchant.requireSigning();
        Map<String, String> signature = signed(secret, now(), "GET", "/api/v1/payments", null);

        HttpResponseView first = send(merchant, "GET", "/api/v1/payments", null, signature);
        HttpResponseView again = send(merchant, "GET", "/api/v1/payments", null, signature);

        assertThat(first.status()).isEqualTo(200);
        assertRefused(again, 401, "SIGNATURE_INVALID");
        assertThat(again.json().path("details").path("reason").asText()).isEqualTo("replayed");
    }

    @Test
    void a_changed_body_is_refused() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);
        String secret = merchant.requireSigning();
        Map<String, String> signature = signed(secret, now(), "POST", "/api/v1/collections", BODY);

        HttpResponseView answer = send(merchant, "POST", "/api/v1/collections", "{\"amount\":\"99999\"}", signature);

        assertRefused(answer, 401, "SIGNATURE_INVALID");
        assertThat(answer.json().path("details").path("reason").asText()).isEqualTo("mismatch");
    }

    @Test
    void a_signature_made_with_another_secret_is_refused() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);
        merchant.requireSigning();

        assertRefused(send(merchant, "GET", "/api/v1/payments", null,
                signed("not-the-secret", now(), "GET", "/api/v1/payments", null)), 401, "SIGNATURE_INVALID");
    }

    @Test
    void malformed_signature_headers_and_huge_timestamps_get_400() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);
        String secret = merchant.requireSigning();
        String good = signed(secret, now(), "GET", "/api/v1/payments", null).get("X-Signature");

        for (Map<String, String> headers : List.of(
                Map.of("X-Signature-Timestamp", "99999999999999999999999999", "X-Signature", good),
                Map.of("X-Signature-Timestamp", "-5", "X-Signature", good),
                Map.of("X-Signature-Timestamp", "yesterday", "X-Signature", good),
                Map.of("X-Signature-Timestamp", String.valueOf(now()), "X-Signature", "v1=zz"),
                Map.of("X-Signature-Timestamp", String.valueOf(now()), "X-Signature", good.substring(3)))) {
            assertRefused(send(merchant, "GET", "/api/v1/payments", null, headers), 400, "INVALID_REQUEST");
        }
    }

    @Test
    void signing_can_be_switched_off_again() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);
        merchant.requireSigning();

        HttpResponseView off = http.delete("/api/v1/admin/clients/" + merchant.clientId() + "/signing-secret",
                ClientSettingsAdmin.ADMIN);

        assertThat(off.json().path("signedRequestsRequired").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/payments", merchant.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void the_signing_secret_is_stored_encrypted() {
        ClientSettingsAdmin merchant = ClientSettingsAdmin.newMerchant(http);
        String secret = merchant.requireSigning();

        String stored = jdbc.queryForObject("SELECT signing_secret FROM client_policy WHERE client_id = ?::uuid",
                String.class, merchant.clientId());

        assertThat(stored).startsWith("v1:").doesNotContain(secret);
    }
}
