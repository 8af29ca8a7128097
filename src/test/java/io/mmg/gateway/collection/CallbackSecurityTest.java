package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * MTN callbacks are unsigned (docs/providers.md#mtn-callbacks): the gateway trusts one only with the payment's own
 * secret, only if it is about that payment, and only once.
 */
class CallbackSecurityTest extends GatewayApiTest {

    @Test
    void a_duplicate_callback_changes_nothing() {
        String id = collectedId(Phones.uganda(), "2500");
        JsonNode done = awaitStatus(id, "SUCCESSFUL");
        int events = eventCount(id);

        HttpResponseView again = mtn.resendCallback(id, "{}");

        assertThat(again.status()).isEqualTo(200);
        JsonNode after = http.get("/api/v1/payments/" + id, apiKey).json();
        assertThat(after.path("updatedAt").asText()).isEqualTo(done.path("updatedAt").asText());
        assertThat(eventCount(id)).isEqualTo(events);
    }

    @Test
    void a_late_callback_cannot_change_a_final_status() {
        String id = collectedId(Phones.uganda(), "2500");
        awaitStatus(id, "SUCCESSFUL");

        HttpResponseView late = mtn.resendCallback(id, "{\"status\":\"FAILED\",\"reason\":\"APPROVAL_REJECTED\"}");

        assertThat(late.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/payments/" + id, apiKey).json().path("status").asText()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void a_callback_with_a_wrong_secret_is_rejected() {
        String id = collectedId("46733123454", "5");   // "Delayed": stays PENDING, no callback of its own

        HttpResponseView forged = callback("/callbacks/mtn/" + id + "?token=guessed", successBody("5"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().path("code").asText()).isEqualTo("CALLBACK_REJECTED");
        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    void one_payments_secret_does_not_open_another_payment() {
        String mine = collectedId("46733123454", "5");
        String other = collectedId("46733123454", "5");
        String myCallbackUrl = mtn.transaction(mine).path("callbackUrl").asText();
        String token = myCallbackUrl.substring(myCallbackUrl.indexOf("token=") + "token=".length());

        HttpResponseView crossed = callback("/callbacks/mtn/" + other + "?token=" + token, successBody("5"));

        assertThat(crossed.status()).isEqualTo(403);
        assertThat(status(other)).isEqualTo("PENDING");
    }

    @Test
    void a_callback_for_an_unknown_payment_is_rejected() {
        HttpResponseView unknown = callback("/callbacks/mtn/" + UUID.randomUUID() + "?token=x", successBody("5"));
        HttpResponseView malformed = callback("/callbacks/mtn/not-a-uuid?token=x", successBody("5"));

        assertThat(unknown.status()).isEqualTo(403);
        assertThat(malformed.status()).isEqualTo(403);
    }

    @Test
    void an_authenticated_callback_about_another_amount_is_rejected_and_kept_for_audit() {
        String id = collectedId("46733123454", "5");

        HttpResponseView mismatch = mtn.resendCallback(id, "{\"status\":\"SUCCESSFUL\",\"amount\":\"500\"}");

        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM payment_event WHERE payment_id = ?::uuid AND type = 'CALLBACK_REJECTED'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void a_callback_is_accepted_by_put_and_by_post() {
        String viaPost = collectedId("46733123454", "5");
        String url = mtn.transaction(viaPost).path("callbackUrl").asText();

        HttpResponseView posted = http.send("POST", url, successBody("5"), Map.of("Content-Type", "application/json"));

        assertThat(posted.status()).isEqualTo(200);
        assertThat(status(viaPost)).isEqualTo("SUCCESSFUL");
    }

    private HttpResponseView callback(String path, String body) {
        return http.send("PUT", path, body, Map.of("Content-Type", "application/json"));
    }

    private static String successBody(String amount) {
        return "{\"financialTransactionId\":\"123456789\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\","
                + "\"status\":\"SUCCESSFUL\"}";
    }

    private String collectedId(String phone, String amount) {
        HttpResponseView created = collect(phone, amount);
        assertThat(created.status()).isEqualTo(202);
        return created.json().path("id").asText();
    }

    private int eventCount(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM payment_event WHERE payment_id = ?::uuid", Integer.class, id);
    }

}
