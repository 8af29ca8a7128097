package io.mmg.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.Concurrently;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Daily limits per number, currency and UTC day (UGX: 4,000,000 per payment, 10,000,000 a day; the defaults in application.yaml),
 * money in and money out apart, counting payments that may move or have moved money.
 */
class DailyLimitTest extends GatewayApiTest {

    private HttpResponseView disburse(String phone, String amount) {
        return http.post("/api/v1/disbursements", apiKey, "{\"amount\":\"" + amount + "\",\"phoneNumber\":\"" + phone + "\"}");
    }

    @Test
    void a_number_cannot_pay_more_than_its_daily_limit() {
        String phone = Phones.uganda();
        assertThat(collect(phone, "4000000").status()).isEqualTo(202);
        assertThat(collect(phone, "4000000").status()).isEqualTo(202);

        HttpResponseView refused = collect(phone, "4000000");

        assertThat(refused.status()).isEqualTo(422);
        JsonNode error = refused.json();
        assertThat(error.path("code").asText()).isEqualTo("DAILY_LIMIT_EXCEEDED");
        assertThat(error.path("details").path("dailyLimit").asText()).isEqualTo("10000000");
        assertThat(error.path("details").path("usedToday").asText()).isEqualTo("8000000");
        assertThat(error.path("details").path("remaining").asText()).isEqualTo("2000000");
        assertThat(error.path("details").path("currency").asText()).isEqualTo("UGX");
        assertThat(collect(phone, "2000000").status()).isEqualTo(202);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE phone_number = ?", Integer.class, phone))
                .isEqualTo(3);
    }

    @Test
    void failed_payments_do_not_count_against_the_daily_limit() {
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,\"httpStatus\":400}");
        assertThat(collect(phone, "4000000").json().path("code").asText()).isEqualTo("PAYMENT_FAILED");

        assertThat(collect(phone, "4000000").status()).isEqualTo(202);
        assertThat(collect(phone, "4000000").status()).isEqualTo(202);
        assertThat(collect(phone, "2000000").status()).isEqualTo(202);
        assertThat(collect(phone, "1000").json().path("code").asText()).isEqualTo("DAILY_LIMIT_EXCEEDED");
    }

    @Test
    void money_in_and_money_out_have_separate_daily_limits() {
        String phone = Phones.uganda();
        collect(phone, "4000000");
        collect(phone, "4000000");

        assertThat(disburse(phone, "4000000").status()).isEqualTo(202);
        assertThat(disburse(phone, "4000000").status()).isEqualTo(202);
        HttpResponseView refused = disburse(phone, "4000000");

        assertThat(refused.json().path("code").asText()).isEqualTo("DAILY_LIMIT_EXCEEDED");
        assertThat(refused.json().path("details").path("direction").asText()).isEqualTo("OUT");
    }

    @Test
    void a_replay_of_an_accepted_payment_is_answered_even_at_the_daily_limit() {
        String phone = Phones.uganda();
        String body = "{\"amount\":\"4000000\",\"phoneNumber\":\"" + phone + "\"}";
        Map<String, String> key = Map.of("Idempotency-Key", "daily-" + phone);
        collect(phone, "4000000");
        HttpResponseView first = http.post("/api/v1/collections", apiKey, body, key);
        collect(phone, "2000000");

        HttpResponseView replay = http.post("/api/v1/collections", apiKey, body, key);

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
    }

    @Test
    void payments_racing_each_other_cannot_pass_the_daily_limit_together() {
        String phone = Phones.uganda();

        // Four payments of 4,000,000 let in at once while the number's daily lock is held: only two fit.
        List<HttpResponseView> answers = Concurrently.whileHolding(jdbc,
                "SELECT pg_advisory_xact_lock(hashtextextended('payment-daily|" + phone + "|UGX|IN', 0))", 4,
                i -> collect(phone, "4000000"));

        assertThat(answers).filteredOn(answer -> answer.status() == 202).hasSize(2);
        assertThat(answers).filteredOn(answer -> answer.status() == 422).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT sum(amount) FROM payment WHERE phone_number = ?", BigDecimal.class, phone))
                .isEqualByComparingTo("8000000");
    }
}
