package io.mmg.gateway.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.MpesaSandbox;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /payments/{id}/receipt: a receipt for each SUCCESSFUL payment of the merchant, and only for those. */
class ReceiptTest extends GatewayApiTest {

    private JsonNode successful(String path, String phone, String amount) {
        HttpResponseView created = http.post(path, apiKey,
                "{\"amount\":\"" + amount + "\",\"phoneNumber\":\"" + phone + "\",\"externalId\":\"order-77\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        return awaitStatus(created.json().path("id").asText(), "SUCCESSFUL");
    }

    private HttpResponseView receipt(String paymentId) {
        return http.get("/api/v1/payments/" + paymentId + "/receipt", apiKey);
    }

    @Test
    void a_successful_mtn_collection_has_a_receipt_with_the_wallet_holders_name() {
        JsonNode payment = successful("/api/v1/collections", Phones.uganda(), "15000");

        HttpResponseView answer = receipt(payment.path("id").asText());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode receipt = answer.json();
        assertThat(receipt.path("receiptNumber").asText()).matches("RCP-\\d{8}-[0-9A-F]{16}");
        assertThat(receipt.path("paymentId").asText()).isEqualTo(payment.path("id").asText());
        assertThat(receipt.path("date").asText()).isEqualTo(payment.path("completedAt").asText());
        assertThat(receipt.path("amount").asText()).isEqualTo("15000");
        assertThat(receipt.path("currency").asText()).isEqualTo("UGX");
        assertThat(receipt.path("formattedAmount").asText()).isEqualTo("UGX 15,000");
        assertThat(receipt.path("paymentMethod").asText()).isEqualTo("MTN MoMo");
        assertThat(receipt.path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(receipt.path("customerName").asText()).isEqualTo("Sand Box");
        assertThat(receipt.path("orderReference").asText()).isEqualTo("order-77");
        assertThat(receipt.path("providerTransactionId").asText()).isEqualTo(payment.path("financialTransactionId").asText())
                .isNotBlank();
    }

    @Test
    void the_receipt_number_is_the_same_every_time() {
        String id = successful("/api/v1/collections", Phones.uganda(), "2000").path("id").asText();

        assertThat(receipt(id).json().path("receiptNumber").asText())
                .isEqualTo(receipt(id).json().path("receiptNumber").asText())
                .endsWith(id.replace("-", "").substring(0, 16).toUpperCase());
    }

    @Test
    void kenyan_shillings_are_shown_whole_as_m_pesa_moves_them() {
        JsonNode payment = successful("/api/v1/collections", Phones.kenya(), "1000");

        JsonNode receipt = receipt(payment.path("id").asText()).json();

        assertThat(receipt.path("formattedAmount").asText()).isEqualTo("KES 1,000");
        assertThat(receipt.path("paymentMethod").asText()).isEqualTo("M-Pesa");
        assertThat(receipt.path("providerTransactionId").asText()).isEqualTo(payment.path("financialTransactionId").asText());
        // An STK push tells nothing about the customer's name: unknown, not a failure.
        assertThat(receipt.path("customerName").isNull()).isTrue();
    }

    @Test
    void euros_of_mtns_sandbox_numbers_show_their_cents() {
        JsonNode payment = successful("/api/v1/collections", "46733123999", "5.5");

        assertThat(receipt(payment.path("id").asText()).json().path("formattedAmount").asText()).isEqualTo("EUR 5.50");
    }

    @Test
    void ghana_cedis_show_their_pesewas_and_thousands() {
        JsonNode payment = successful("/api/v1/collections", Phones.ghana(), "1250.5");

        assertThat(receipt(payment.path("id").asText()).json().path("formattedAmount").asText()).isEqualTo("GHS 1,250.50");
    }

    @Test
    void an_m_pesa_payout_receipt_names_the_payee_daraja_reported() {
        JsonNode payout = successful("/api/v1/disbursements", Phones.kenya(), "500");

        JsonNode receipt = receipt(payout.path("id").asText()).json();

        assertThat(receipt.path("type").asText()).isEqualTo("DISBURSEMENT");
        assertThat(receipt.path("customerName").asText()).isNotBlank().doesNotContain(" - ");
    }

    @Test
    void the_receipt_comes_without_a_name_when_mtn_cannot_tell_it() {
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"accountholder-basicuserinfo\",\"msisdn\":\"" + phone + "\",\"httpStatus\":503}");
        JsonNode payment = successful("/api/v1/collections", phone, "3000");

        HttpResponseView answer = receipt(payment.path("id").asText());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("customerName").isNull()).isTrue();
        assertThat(answer.json().path("formattedAmount").asText()).isEqualTo("UGX 3,000");
    }

    @Test
    void a_payment_not_successful_yet_has_no_receipt() {
        // "Delayed": MTN keeps it PENDING.
        String pending = http.post("/api/v1/collections", apiKey, "{\"amount\":\"5\",\"phoneNumber\":\"46733123454\"}")
                .json().path("id").asText();

        HttpResponseView refused = receipt(pending);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("RECEIPT_NOT_AVAILABLE");
        assertThat(refused.json().path("details").path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void a_failed_payment_has_no_receipt() {
        String failed = http.post("/api/v1/collections", apiKey, "{\"amount\":\"5\",\"phoneNumber\":\"46733123451\"}")
                .json().path("id").asText();
        awaitStatus(failed, "FAILED");

        assertThat(receipt(failed).json().path("code").asText()).isEqualTo("RECEIPT_NOT_AVAILABLE");
    }

    @Test
    void another_merchants_payment_has_no_receipt_for_you() {
        String id = successful("/api/v1/collections", Phones.uganda(), "4000").path("id").asText();

        HttpResponseView refused = http.get("/api/v1/payments/" + id + "/receipt", TestMerchants.newApiKey(clients));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void an_unknown_or_malformed_id_is_not_found() {
        assertThat(receipt(UUID.randomUUID().toString()).json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(receipt("not-a-payment").status()).isEqualTo(404);
    }
}
