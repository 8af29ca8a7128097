package io.mmg.gateway.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A crash between the steps of an automatic refund: the refund was stored (key auto-refund:<id>:1) but the
 * gateway died before sending it. The poller finds MTN never got it (FAILED), and a second attempt, under the next
 * key, pays the customer back: the money is neither kept nor refunded twice.
 */
class AutoRefundRecoveryTest extends CancellationTestBase {

    @Test
    void a_refund_stored_but_never_sent_before_a_crash_is_replaced_by_one_that_pays_the_customer_back() {
        String id = pendingMtnCollection("11");
        mtnCustomerApproves(id);
        // What the database holds after such a crash: the customer's payment recorded after the cancellation, and
        // the first automatic refund stored, counted as maybe sent (V81), never sent.
        int changed = jdbc.update("""
                WITH cancelled AS (
                    UPDATE payment SET status = 'CANCELLED', provider_outcome = 'SUCCESSFUL', completed_at = now(),
                                       next_poll_at = NULL
                     WHERE id = ?::uuid AND status = 'PENDING'
                    RETURNING *
                )
                INSERT INTO payment (id, client_id, type, provider, product, status, amount, currency, country,
                                     phone_number, payer_message, payee_note, idempotency_key, request_hash,
                                     original_payment_id, provider_operation, next_poll_at, send_attempts)
                SELECT gen_random_uuid(), client_id, 'REFUND', provider, 'DISBURSEMENT', 'PENDING', amount, currency,
                       country, phone_number, ?, ?, 'auto-refund:' || id || ':1', 'crashed', id, 'refund', now(), 1
                  FROM cancelled""", id, LateSuccessRefunds.REASON, LateSuccessRefunds.REASON);
        assertThat(changed).as("the poller had not polled the collection yet").isEqualTo(1);

        JsonNode refunds = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(
                this::refunds, items -> statuses(items).contains("SUCCESSFUL"));

        assertThat(statuses(refunds)).containsExactlyInAnyOrder("SUCCESSFUL", "FAILED");
        assertThat(payment(id).path("refundedAmount").asText()).isEqualTo("11.00");
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(refunds()).hasSize(2);
    }

    private static List<String> statuses(JsonNode refunds) {
        List<String> statuses = new ArrayList<>();
        refunds.forEach(refund -> statuses.add(refund.path("status").asText()));
        return statuses;
    }
}
