package io.mmg.gateway.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.Phones;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A gateway instance can die at any point of paying a row. These tests leave the database exactly as
 * such a crash would, then let the worker (the "restarted" instance) carry on: a row is never paid twice.
 */
class PayoutRecoveryTest extends GatewayApiTest {

    @Test
    void a_crash_after_fixing_the_payment_id_but_before_creating_the_payment_pays_the_row_once() {
        String phone = Phones.uganda();
        String batchId = awaitingApproval(phone);
        UUID presetId = UUID.randomUUID();
        // The dead instance had claimed the row and stored its payment id, nothing more.
        jdbc.update("UPDATE disbursement_batch_item SET payment_id = ?, claimed_until = now() - interval '1 minute' "
                + "WHERE batch_id = ?::uuid", presetId, batchId);

        approveAndComplete(batchId);

        assertThat(jdbc.queryForList("SELECT id, status FROM payment WHERE phone_number = ?", phone))
                .containsExactly(Map.of("id", presetId, "status", "SUCCESSFUL"));
        assertThat(mtn.requests("transfer", phone)).isEqualTo(1);
    }

    @Test
    void a_crash_after_creating_the_payment_follows_that_payment_and_never_sends_another() {
        String phone = Phones.uganda();
        String batchId = awaitingApproval(phone);
        UUID paymentId = UUID.randomUUID();
        UUID clientId = jdbc.queryForObject("SELECT client_id FROM disbursement_batch WHERE id = ?::uuid", UUID.class, batchId);
        // The dead instance had stored the payment (PENDING) but died before calling MTN.
        jdbc.update("""
                INSERT INTO payment (id, client_id, type, provider, product, status, amount, currency, country,
                                     phone_number, request_hash, next_poll_at)
                VALUES (?, ?, 'DISBURSEMENT', 'MTN_MOMO', 'DISBURSEMENT', 'PENDING', 5000, 'UGX', 'UG', ?, 'h', now())""",
                paymentId, clientId, phone);
        jdbc.update("UPDATE disbursement_batch_item SET payment_id = ?, claimed_until = now() - interval '1 minute' "
                + "WHERE batch_id = ?::uuid", paymentId, batchId);

        JsonNode done = approveAndComplete(batchId);

        // MTN never got it: the poller ends it FAILED (nothing moved) and the row reports that.
        assertThat(done.path("counts").path("failed").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE phone_number = ?", Integer.class, phone)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT reason FROM payment WHERE id = ?", String.class, paymentId))
                .isEqualTo("TRANSACTION_NOT_FOUND");
        assertThat(mtn.requests("transfer", phone)).isZero();
    }

    private String awaitingApproval(String phone) {
        return http.send("POST", "/api/v1/disbursement-batches?approval=required",
                PayoutBatchTest.HEADER + "REC-" + UUID.randomUUID() + "," + phone + ",5000,UGX,,\n",
                Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "text/csv")).json().path("id").asText();
    }

    private JsonNode approveAndComplete(String batchId) {
        http.post("/api/v1/disbursement-batches/" + batchId + "/approve", apiKey, "");
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> http.get("/api/v1/disbursement-batches/" + batchId, apiKey).json(),
                batch -> batch.path("status").asText().equals("COMPLETED"));
    }
}
