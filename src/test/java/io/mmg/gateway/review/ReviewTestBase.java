package io.mmg.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.TestPropertySource;

/**
 * One Spring context for every NEEDS_REVIEW test: a payment goes to review 3 s after it was created, one still
 * pending at the provider expires after 1 s (so "never expired blindly" is tested past the expiry time), and a
 * payment in review is still asked about every second.
 */
@TestPropertySource(properties = {"gateway.poller.review-after=3s", "gateway.poller.expire-after=1s",
        "gateway.poller.review-interval=1s"})
abstract class ReviewTestBase extends GatewayApiTest {

    static final String ADMIN = "test-admin-key";

    /**
     * An STK push Daraja takes but whose answer (with its CheckoutRequestID) comes after the gateway's timeout,
     * and whose callback never comes.
     */
    String stkPushNobodyAnswers(String phone) {
        mpesa.answerLate("stkpush", phone, true);
        HttpResponseView created = collect(phone, "170");
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("status").asText()).isEqualTo("UNKNOWN");
        return created.json().path("id").asText();
    }

    String paymentInReview() {
        String id = stkPushNobodyAnswers(Phones.kenya());
        awaitStatus(id, "NEEDS_REVIEW");
        return id;
    }

    HttpResponseView resolve(String id, String body) {
        return http.post("/api/v1/admin/payments/" + id + "/resolution", ADMIN, body);
    }

    int pollAttempts(String id) {
        return jdbc.queryForObject("SELECT poll_attempts FROM payment WHERE id = ?::uuid", Integer.class, id);
    }

    /** The payment's status changes: from, to and source of each, oldest first. */
    List<Map<String, Object>> statusEvents(String id) {
        return jdbc.queryForList("""
                SELECT from_status, to_status, source, details::text AS details FROM payment_event
                 WHERE payment_id = ?::uuid AND type = 'STATUS_CHANGED' ORDER BY id""", id);
    }

    /** Waits until the poller has asked about the payment {@code more} more times. */
    void awaitMorePolls(String id, int more) {
        int seen = pollAttempts(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> pollAttempts(id) >= seen + more);
    }
}
