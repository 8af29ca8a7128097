package io.mmg.gateway.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bulk payouts over the API: validate every row first, pay the valid ones, report each row. */
class PayoutBatchTest extends GatewayApiTest {

    static final String HEADER = "external_id,phone_number,amount,currency,provider,narration\n";

    @AfterEach
    void clearFaults() {
        mtn.reset();
    }

    @Test
    void a_mixed_file_pays_the_valid_rows_and_reports_each_invalid_one() {
        String[] phones = {Phones.uganda(), Phones.uganda(), Phones.uganda()};
        String csv = HEADER
                + "SAL-1," + phones[0] + ",50000,UGX,,November salary\n"
                + "SAL-2," + phones[1] + ",75000,,MTN_MOMO,\"Salary, November\"\n"
                + "SAL-3,0772123456,50000,UGX,,\n"
                + "SAL-1," + phones[2] + ",50000,UGX,,duplicate of row 1\n"
                + "SAL-5," + phones[2] + ",12.5,UGX,,\n"
                + "SAL-6," + phones[2] + ",20000,UGX,,\n";

        HttpResponseView uploaded = upload(csv, "");

        assertThat(uploaded.status()).isEqualTo(201);
        JsonNode batch = uploaded.json();
        assertThat(batch.path("status").asText()).isEqualTo("PROCESSING");
        assertThat(batch.path("counts").path("total").asInt()).isEqualTo(6);
        assertThat(batch.path("counts").path("invalid").asInt()).isEqualTo(3);
        assertThat(batch.path("invalidRowsSample").findValuesAsText("errorCode"))
                .containsExactly("INVALID_PHONE", "DUPLICATE_EXTERNAL_ID", "INVALID_AMOUNT");

        JsonNode done = awaitBatch(batch.path("id").asText(), "COMPLETED");
        assertThat(done.path("counts").path("successful").asInt()).isEqualTo(3);
        assertThat(done.path("progressPercent").asDouble()).isEqualTo(100.0);

        List<String> result = resultLines(batch.path("id").asText());
        assertThat(result.get(0)).isEqualTo(BatchResults.HEADER);
        assertThat(result.get(1)).startsWith("1,SAL-1," + phones[0] + ",50000,UGX,SUCCESSFUL,").matches(".*,\\d{9,10},$");
        assertThat(result.get(3)).startsWith("3,SAL-3,").contains(",INVALID,").endsWith("INVALID_PHONE");
        assertThat(result.get(4)).contains(",INVALID,").endsWith("DUPLICATE_EXTERNAL_ID");
        assertThat(result).hasSize(7);
    }

    @Test
    void one_file_pays_mtn_and_mpesa_wallets_alike() {
        String uganda = Phones.uganda();
        String kenya = Phones.kenya();
        String id = upload(HEADER + "MIX-U," + uganda + ",10000,,,\nMIX-K," + kenya + ",2500,KES,,Bonus\n", "")
                .json().path("id").asText();

        JsonNode done = awaitBatch(id, "COMPLETED");

        assertThat(done.path("counts").path("successful").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT provider || ':' || product FROM payment WHERE phone_number = ?", String.class, kenya))
                .isEqualTo("MPESA:B2C");
        assertThat(jdbc.queryForObject("SELECT provider || ':' || product FROM payment WHERE phone_number = ?", String.class, uganda))
                .isEqualTo("MTN_MOMO:DISBURSEMENT");
    }

    @Test
    void external_ids_already_paid_in_another_file_are_refused() {
        String phone = Phones.uganda();
        String csv = HEADER + "VEN-1," + phone + ",10000,,,\nVEN-2," + phone + ",10000,,,\n";
        String first = upload(csv, "").json().path("id").asText();
        awaitBatch(first, "COMPLETED");

        JsonNode second = upload(HEADER + "VEN-2," + Phones.uganda() + ",10000,,,\nVEN-1," + Phones.uganda() + ",10000,,,\n", "")
                .json();

        assertThat(second.path("status").asText()).isEqualTo("REJECTED");
        assertThat(second.path("counts").path("invalid").asInt()).isEqualTo(2);
        assertThat(mtn.requests("transfer", phone)).isEqualTo(2);
    }

    @Test
    void a_batch_that_needs_approval_pays_nothing_until_approved() throws InterruptedException {
        String phone = Phones.uganda();
        JsonNode batch = upload(HEADER + "BON-1," + phone + ",5000,,,\n", "?approval=required").json();
        assertThat(batch.path("status").asText()).isEqualTo("AWAITING_APPROVAL");

        Thread.sleep(1500);   // a few worker ticks
        assertThat(mtn.requests("transfer", phone)).isZero();

        HttpResponseView approved = http.post("/api/v1/disbursement-batches/" + batch.path("id").asText() + "/approve", apiKey, "");
        assertThat(approved.status()).isEqualTo(200);
        awaitBatch(batch.path("id").asText(), "COMPLETED");
        assertThat(mtn.requests("transfer", phone)).isEqualTo(1);

        HttpResponseView again = http.post("/api/v1/disbursement-batches/" + batch.path("id").asText() + "/approve", apiKey, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("BATCH_STATE_CONFLICT");
    }

    @Test
    void a_provider_outage_pauses_the_batch_and_it_resumes_without_paying_a_row_twice() {
        String[] phones = {Phones.uganda(), Phones.uganda(), Phones.uganda()};
        mtn.addFault("{\"operation\":\"transfer\",\"times\":-1,\"httpStatus\":503}");
        String id = upload(HEADER + "OUT-1," + phones[0] + ",5000,,,\nOUT-2," + phones[1] + ",5000,,,\nOUT-3," + phones[2]
                + ",5000,,,\n", "").json().path("id").asText();

        JsonNode paused = awaitBatch(id, "PAUSED");
        assertThat(paused.path("statusReason").asText()).contains("PROVIDER_UNAVAILABLE");
        mtn.reset();

        JsonNode done = awaitBatch(id, "COMPLETED");
        assertThat(done.path("counts").path("successful").asInt()).isEqualTo(3);
        for (String phone : phones) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE phone_number = ? AND status = 'SUCCESSFUL'",
                    Integer.class, phone)).isEqualTo(1);
        }
    }

    @Test
    void a_file_that_is_not_a_payout_file_is_refused_whole() {
        assertFileRefused(HEADER.replace("amount", "amt") + "A,256772123456,1000,,,\n", "amount");
        assertFileRefused("external_id,phone_number,amount,iban\n", "iban");
        assertFileRefused("", "empty");
        assertFileRefused(HEADER, "no rows");
    }

    @Test
    void a_merchant_sees_only_its_own_batches() {
        String id = upload(HEADER + "OWN-1," + Phones.uganda() + ",5000,,,\n", "?approval=required").json().path("id").asText();
        String other = TestMerchants.newApiKey(clients);

        assertThat(http.get("/api/v1/disbursement-batches/" + id, other).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/disbursement-batches/" + id + "/approve", other, "").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/disbursement-batches/" + id + "/result.csv", other).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/disbursement-batches/" + UUID.randomUUID(), apiKey).json().path("code").asText())
                .isEqualTo("BATCH_NOT_FOUND");
    }

    @Test
    void thousands_of_rows_are_checked_in_chunks_and_a_cancelled_batch_pays_nothing() {
        StringBuilder csv = new StringBuilder(HEADER);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int row = 1; row <= 2500; row++) {
            csv.append("BULK-").append(run).append('-').append(row).append(',').append(Phones.uganda()).append(",1000,,,\n");
        }
        JsonNode batch = upload(csv.toString(), "?approval=required").json();
        assertThat(batch.path("counts").path("total").asInt()).isEqualTo(2500);
        assertThat(batch.path("counts").path("queued").asInt()).isEqualTo(2500);

        JsonNode cancelled = http.post("/api/v1/disbursement-batches/" + batch.path("id").asText() + "/cancel", apiKey, "").json();

        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("counts").path("skipped").asInt()).isEqualTo(2500);
    }

    @Test
    void a_paused_batch_sends_nothing_until_it_is_resumed() throws InterruptedException {
        StringBuilder csv = new StringBuilder(HEADER);
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int row = 1; row <= 300; row++) {   // six seconds of payouts at the tests' 50 a second
            csv.append("HOLD-").append(run).append('-').append(row).append(',').append(Phones.uganda()).append(",1000,,,\n");
        }
        String id = upload(csv.toString(), "?approval=required").json().path("id").asText();
        String batch = "/api/v1/disbursement-batches/" + id;
        HttpResponseView early = http.post(batch + "/pause", apiKey, "");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().path("code").asText()).isEqualTo("BATCH_STATE_CONFLICT");

        assertThat(http.post(batch + "/approve", apiKey, "").status()).isEqualTo(200);
        HttpResponseView paused = http.post(batch + "/pause", apiKey, "");

        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().path("status").asText()).isEqualTo("PAUSED");
        Thread.sleep(1500);   // rows claimed before the pause are released or finish
        int waiting = http.get(batch, apiKey).json().path("counts").path("queued").asInt();
        Thread.sleep(2500);
        JsonNode stillPaused = http.get(batch, apiKey).json();
        assertThat(stillPaused.path("status").asText()).isEqualTo("PAUSED");
        assertThat(stillPaused.path("counts").path("queued").asInt()).isEqualTo(waiting).isPositive();

        HttpResponseView resumed = http.post(batch + "/resume", apiKey, "");
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(awaitBatch(id, "COMPLETED").path("counts").path("queued").asInt()).isZero();
        assertThat(http.post(batch + "/resume", apiKey, "").json().path("code").asText()).isEqualTo("BATCH_STATE_CONFLICT");
    }

    private void assertFileRefused(String csv, String messagePart) {
        HttpResponseView response = upload(csv, "");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("code").asText()).isEqualTo("INVALID_FILE");
        assertThat(response.json().path("error").asText()).contains(messagePart);
    }

    private HttpResponseView upload(String csv, String query) {
        return http.send("POST", "/api/v1/disbursement-batches" + query, csv,
                Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "text/csv"));
    }

    private JsonNode awaitBatch(String id, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(
                () -> http.get("/api/v1/disbursement-batches/" + id, apiKey).json(),
                batch -> batch.path("status").asText().equals(status));
    }

    private List<String> resultLines(String id) {
        HttpResponseView result = http.get("/api/v1/disbursement-batches/" + id + "/result.csv", apiKey);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("Content-Type")).startsWith("text/csv");
        return List.of(result.body().split("\n"));
    }
}
