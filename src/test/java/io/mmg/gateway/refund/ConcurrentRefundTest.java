package io.mmg.gateway.refund;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.Concurrently;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The refunded total holds under concurrent requests: it is checked in the statement that stores a refund. */
class ConcurrentRefundTest extends GatewayApiTest {

    @Test
    void refunds_racing_each_other_never_add_up_to_more_than_the_collected_amount() {
        String original = collect(Phones.uganda(), "10000").json().path("id").asText();
        awaitStatus(original, "SUCCESSFUL");

        // Six refunds of 3000 at once, all let in together while the original's row is held: only three fit.
        List<HttpResponseView> answers = Concurrently.whileHolding(jdbc,
                "SELECT id FROM payment WHERE id = '" + original + "' FOR UPDATE", 6,
                i -> http.post("/api/v1/payments/" + original + "/refunds", apiKey, "{\"amount\":\"3000\"}"));

        assertThat(answers).filteredOn(answer -> answer.status() == 202).hasSize(3);
        assertThat(answers).filteredOn(answer -> answer.status() != 202).hasSize(3)
                .allSatisfy(answer -> assertThat(answer.json().path("code").asText()).isEqualTo("REFUND_EXCEEDS_PAYMENT"));
        BigDecimal refunded = jdbc.queryForObject(
                "SELECT sum(amount) FROM payment WHERE original_payment_id = ?::uuid", BigDecimal.class, original);
        assertThat(refunded).isEqualByComparingTo("9000");
    }
}
