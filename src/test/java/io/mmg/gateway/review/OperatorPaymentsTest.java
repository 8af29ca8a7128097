package io.mmg.gateway.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every merchant's payments for the operator (GET /admin/payments, the console's Payments page with the admin key). */
class OperatorPaymentsTest extends ReviewTestBase {

    @Test
    void the_operator_finds_any_merchants_payment_with_its_merchant() {
        String otherKey = TestMerchants.newApiKey(clients);
        String phone = Phones.uganda();
        String id = http.post("/api/v1/collections", otherKey,
                "{\"amount\":\"1000\",\"phoneNumber\":\"" + phone + "\"}").json().path("id").asText();
        String owner = jdbc.queryForObject("SELECT client_id::text FROM payment WHERE id = ?::uuid", String.class, id);

        JsonNode byPhone = http.get("/api/v1/admin/payments?phoneNumber=" + phone, ADMIN).json();
        JsonNode ofOwner = http.get("/api/v1/admin/payments?clientId=" + owner, ADMIN).json();
        JsonNode ofNobody = http.get("/api/v1/admin/payments?phoneNumber=" + phone + "&clientId=" + UUID.randomUUID(), ADMIN).json();

        assertThat(byPhone.path("items").findValuesAsText("id")).containsExactly(id);
        assertThat(byPhone.path("items").get(0).path("clientId").asText()).isEqualTo(owner);
        assertThat(ofOwner.path("total").asInt()).isEqualTo(1);
        assertThat(ofNobody.path("total").asInt()).isZero();
    }

    @Test
    void one_payment_comes_with_its_events() {
        String id = collect(Phones.uganda(), "1000").json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");

        JsonNode payment = http.get("/api/v1/admin/payments/" + id, ADMIN).json();

        assertThat(payment.path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(payment.path("events").findValuesAsText("toStatus")).containsExactly("PENDING", "SUCCESSFUL");
        assertThat(http.get("/api/v1/admin/payments/" + UUID.randomUUID(), ADMIN).json().path("code").asText())
                .isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void the_review_queue_is_still_its_own_path() {
        assertThat(http.get("/api/v1/admin/payments/needs-review", ADMIN).json().has("items")).isTrue();
    }

    @Test
    void a_merchants_key_reads_no_other_merchants_payments_there() {
        assertThat(http.get("/api/v1/admin/payments", apiKey).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/admin/payments?clientId=x", ADMIN).json().path("code").asText()).isEqualTo("INVALID_REQUEST");
    }
}
