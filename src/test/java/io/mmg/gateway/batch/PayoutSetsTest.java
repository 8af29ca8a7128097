package io.mmg.gateway.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.Phones;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Payout rows are paid in sets (BatchPayouts): one statement stores a set's payments, one marks its rows. Each row
 * still gets exactly one payment, stored with the id its claim fixed, and a batch paused between the claim and the
 * store pays nothing more.
 */
class PayoutSetsTest extends GatewayApiTest {

    @Autowired
    BatchPayouts payouts;

    @Test
    void every_row_of_every_set_is_stored_as_its_own_payment_and_paid_once() {
        List<String> phones = new ArrayList<>();
        StringBuilder csv = new StringBuilder(PayoutBatchTest.HEADER);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int row = 1; row <= 25; row++) {
            phones.add(Phones.uganda());
            csv.append("SET-").append(run).append('-').append(row).append(',').append(phones.get(row - 1))
                    .append(',').append(1000 + row).append(",UGX,,Row ").append(row).append('\n');
        }
        String id = upload(csv.toString());

        JsonNode done = awaitBatch(id, "COMPLETED");

        assertThat(done.path("counts").path("successful").asInt()).isEqualTo(25);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT i.row_number, i.status, i.payment_id, p.id AS paid_by, p.amount, p.phone_number, p.external_id,
                       p.payee_note, p.type, p.status AS payment_status,
                       (SELECT count(*) FROM payment_event e WHERE e.payment_id = p.id AND e.type = 'CREATED') AS created_events
                  FROM disbursement_batch_item i LEFT JOIN payment p ON p.id = i.payment_id
                 WHERE i.batch_id = ?::uuid ORDER BY i.row_number""", id);
        assertThat(rows).hasSize(25);
        for (Map<String, Object> row : rows) {
            int number = (Integer) row.get("row_number");
            String phone = phones.get(number - 1);
            assertThat(row.get("status")).isEqualTo("SUBMITTED");
            assertThat(row.get("paid_by")).isEqualTo(row.get("payment_id"));
            assertThat(row.get("payment_status")).isEqualTo("SUCCESSFUL");
            assertThat(row.get("type")).isEqualTo("DISBURSEMENT");
            assertThat(row.get("phone_number")).isEqualTo(phone);
            assertThat(row.get("external_id")).isEqualTo("SET-" + run + "-" + number);
            assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo(String.valueOf(1000 + number));
            assertThat(row.get("payee_note")).isEqualTo("Row " + number);
            assertThat(row.get("created_events")).isEqualTo(1L);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE phone_number = ?", Integer.class, phone))
                    .isEqualTo(1);
            assertThat(mtn.requests("transfer", phone)).isEqualTo(1);
        }
    }

    @Test
    void a_second_row_of_the_same_number_is_held_to_the_daily_limit_like_an_api_request() {
        String phone = Phones.uganda();
        // UGX: at most 4,000,000 a payment, 10,000,000 a number a day: the third row would pass the day's limit.
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = upload(PayoutBatchTest.HEADER
                + "DAY-" + run + "-1," + phone + ",4000000,UGX,,\n"
                + "DAY-" + run + "-2," + phone + ",4000000,UGX,,\n"
                + "DAY-" + run + "-3," + phone + ",4000000,UGX,,\n");

        JsonNode done = awaitBatch(id, "COMPLETED");

        assertThat(done.path("counts").path("successful").asInt()).isEqualTo(2);
        assertThat(done.path("counts").path("refused").asInt()).isEqualTo(1);
        // Which of the three is refused depends on which set stored its payment first, as for three API requests.
        assertThat(jdbc.queryForList("SELECT error_code FROM disbursement_batch_item WHERE batch_id = ?::uuid AND status = 'REFUSED'",
                String.class, id)).containsExactly("DAILY_LIMIT_EXCEEDED");
        assertThat(mtn.requests("transfer", phone)).isEqualTo(2);
    }

    @Test
    void a_batch_paused_between_the_claim_and_the_store_pays_nothing_of_the_set_until_it_resumes() {
        List<String> phones = List.of(Phones.uganda(), Phones.uganda(), Phones.uganda());
        String id = http.send("POST", "/api/v1/disbursement-batches?approval=required", PayoutBatchTest.HEADER
                        + "HOLD-" + phones.get(0) + "," + phones.get(0) + ",5000,,,\n"
                        + "HOLD-" + phones.get(1) + "," + phones.get(1) + ",5000,,,\n"
                        + "HOLD-" + phones.get(2) + "," + phones.get(2) + ",5000,,,\n",
                Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "text/csv")).json().path("id").asText();
        // A set loop claimed the rows while the batch was PROCESSING (claim-batch-items.sql fixes their payment ids)...
        List<Map<String, Object>> claimed = jdbc.queryForList("""
                UPDATE disbursement_batch_item SET payment_id = gen_random_uuid(), claimed_until = now() + interval '2 minutes'
                 WHERE batch_id = ?::uuid RETURNING *, false AS payment_exists""", id);
        // ...and the merchant paused the batch before the loop stored the set.
        jdbc.update("UPDATE disbursement_batch SET status = 'PAUSED', status_reason = 'Paused on request' WHERE id = ?::uuid", id);

        List<BatchPayouts.PayoutSend> toSend = payouts.store(claimed, new BatchPayouts.PayoutSet(claimed.size()));

        assertThat(toSend).isEmpty();
        for (String phone : phones) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE phone_number = ?", Integer.class, phone)).isZero();
        }
        // Given back at once, waiting, with the ids the claim fixed.
        assertThat(jdbc.queryForList("SELECT status, claimed_until FROM disbursement_batch_item WHERE batch_id = ?::uuid", id))
                .allSatisfy(row -> assertThat(row).containsEntry("status", "VALID").containsEntry("claimed_until", null));

        assertThat(http.post("/api/v1/disbursement-batches/" + id + "/resume", apiKey, "").status()).isEqualTo(200);
        awaitBatch(id, "COMPLETED");
        for (Map<String, Object> row : claimed) {
            assertThat(jdbc.queryForObject("SELECT status FROM payment WHERE id = ?", String.class, row.get("payment_id")))
                    .isEqualTo("SUCCESSFUL");
        }
        for (String phone : phones) {
            assertThat(mtn.requests("transfer", phone)).isEqualTo(1);
        }
    }

    private String upload(String csv) {
        return http.send("POST", "/api/v1/disbursement-batches", csv,
                Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "text/csv")).json().path("id").asText();
    }

    private JsonNode awaitBatch(String id, String status) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(
                () -> http.get("/api/v1/disbursement-batches/" + id, apiKey).json(),
                batch -> batch.path("status").asText().equals(status));
    }
}
