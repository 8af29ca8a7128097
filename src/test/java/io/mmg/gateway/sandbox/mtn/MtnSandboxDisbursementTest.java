package io.mmg.gateway.sandbox.mtn;

import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.newReference;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.ordinaryMsisdn;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.refundBody;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.requestToPayBody;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.transferBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.sandbox.mtn.MtnSandboxClient.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MtnSandboxDisbursementTest extends MtnSandboxIntegrationTest {


    private String successfulCollection(String payer) {
        String reference = newReference();
        mtn.requestToPay(reference, requestToPayBody(payer, "100"));
        mtn.awaitFinal("collection", "v1_0", "requesttopay", reference);
        return reference;
    }

    @Test
    void a_transfer_succeeds_with_a_financial_transaction_id() {
        String reference = newReference();
        String payee = ordinaryMsisdn();

        Response accepted = mtn.create("disbursement", "v1_0", "transfer", reference, transferBody(payee, "500"),
                null);
        JsonNode status = mtn.awaitFinal("disbursement", "v1_0", "transfer", reference);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(status.get("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(status.get("financialTransactionId").asText()).matches("\\d{9,10}");
        assertThat(status.get("payee").get("partyId").asText()).isEqualTo(payee);
        assertThat(status.get("amount").asText()).isEqualTo("500");
    }

    @Test
    void a_deposit_succeeds_under_both_versions_without_a_financial_transaction_id() {
        String v1 = newReference();
        String v2 = newReference();

        mtn.create("disbursement", "v1_0", "deposit", v1, transferBody(ordinaryMsisdn(), "20"), null);
        mtn.create("disbursement", "v2_0", "deposit", v2, transferBody(ordinaryMsisdn(), "20"), null);

        for (String reference : new String[] {v1, v2}) {
            JsonNode status = mtn.awaitFinal("disbursement", "v1_0", "deposit", reference);
            assertThat(status.get("status").asText()).isEqualTo("SUCCESSFUL");
            assertThat(status.has("financialTransactionId")).isFalse();
        }
    }

    @Test
    void a_deposit_to_the_not_found_number_fails_for_the_payee() {
        String reference = newReference();
        mtn.create("disbursement", "v1_0", "deposit", reference, transferBody("46733123455", "20"), null);

        assertThat(mtn.awaitFinal("disbursement", "v1_0", "deposit", reference).get("reason").asText())
                .isEqualTo("PAYEE_NOT_FOUND");
    }

    @Test
    void a_refund_of_a_successful_collection_pays_its_payer_back() {
        String payer = ordinaryMsisdn();
        String collection = successfulCollection(payer);
        String refund = newReference();

        Response accepted = mtn.create("disbursement", "v2_0", "refund", refund, refundBody(collection, "40"), null);
        JsonNode status = mtn.awaitFinal("disbursement", "v1_0", "refund", refund);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(status.get("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(status.get("financialTransactionId").asText()).matches("\\d{9,10}");
        assertThat(status.get("payee").get("partyId").asText()).isEqualTo(payer);
        assertThat(status.get("amount").asText()).isEqualTo("40");
    }

    @Test
    void refunds_beyond_the_collected_amount_fail_as_not_allowed() {
        String collection = successfulCollection(ordinaryMsisdn());
        String first = newReference();
        String second = newReference();
        String tooMuch = newReference();

        mtn.create("disbursement", "v1_0", "refund", first, refundBody(collection, "60"), null);
        mtn.create("disbursement", "v1_0", "refund", second, refundBody(collection, "40"), null);
        mtn.create("disbursement", "v1_0", "refund", tooMuch, refundBody(collection, "1"), null);

        assertThat(mtn.awaitFinal("disbursement", "v1_0", "refund", first).get("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(mtn.awaitFinal("disbursement", "v1_0", "refund", second).get("status").asText()).isEqualTo("SUCCESSFUL");
        JsonNode refused = mtn.awaitFinal("disbursement", "v1_0", "refund", tooMuch);
        assertThat(refused.get("status").asText()).isEqualTo("FAILED");
        assertThat(refused.get("reason").asText()).isEqualTo("NOT_ALLOWED");
    }

    @Test
    void a_refund_of_an_unknown_collection_fails_as_not_found() {
        String refund = newReference();
        mtn.create("disbursement", "v1_0", "refund", refund, refundBody(newReference(), "40"), null);

        JsonNode status = mtn.awaitFinal("disbursement", "v1_0", "refund", refund);

        assertThat(status.get("status").asText()).isEqualTo("FAILED");
        assertThat(status.get("reason").asText()).isEqualTo("TRANSACTION_NOT_FOUND");
    }

    @Test
    void a_refund_plays_the_sandbox_reference_values() {
        String refund = newReference();
        mtn.create("disbursement", "v1_0", "refund", refund, refundBody("3", "40"), null);

        assertThat(mtn.awaitFinal("disbursement", "v1_0", "refund", refund).get("reason").asText())
                .isEqualTo("APPROVAL_REJECTED");
    }

    @Test
    void a_refund_needs_the_disbursement_key_and_token() {
        Map<String, String> collectionHeaders = mtn.productHeaders("collection");
        collectionHeaders.put("X-Reference-Id", newReference());
        collectionHeaders.put("Ocp-Apim-Subscription-Key", MtnSandboxClient.subscriptionKey("disbursement"));

        Response withCollectionToken = mtn.send("POST", "/sandbox/mtn/disbursement/v1_0/refund", collectionHeaders,
                refundBody("3", "40"));
        Response onCollectionPath = mtn.create("collection", "v1_0", "refund", newReference(), refundBody("3", "40"),
                null);

        assertThat(withCollectionToken.status()).isEqualTo(401);
        assertThat(onCollectionPath.status()).isEqualTo(404);
    }

    @Test
    void a_remittance_transfer_and_a_cash_transfer_succeed() {
        String transfer = newReference();
        String cashTransfer = newReference();
        String cashTransferBody = transferBody(ordinaryMsisdn(), "75").replace("\"externalId\"",
                "\"originatingCountry\":\"SE\",\"originalAmount\":\"80\",\"originalCurrency\":\"SEK\","
                        + "\"payerFirstName\":\"Sand\",\"externalId\"");

        mtn.create("remittance", "v1_0", "transfer", transfer, transferBody(ordinaryMsisdn(), "75"), null);
        mtn.create("remittance", "v2_0", "cashtransfer", cashTransfer, cashTransferBody, null);

        assertThat(mtn.awaitFinal("remittance", "v1_0", "transfer", transfer).get("status").asText())
                .isEqualTo("SUCCESSFUL");
        JsonNode cash = mtn.awaitFinal("remittance", "v2_0", "cashtransfer", cashTransfer);
        assertThat(cash.get("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(cash.get("originatingCountry").asText()).isEqualTo("SE");
        assertThat(cash.get("payerFirstName").asText()).isEqualTo("Sand");
        assertThat(mtn.status("disbursement", "v1_0", "transfer", transfer).status()).isEqualTo(404);
    }

    @Test
    void each_product_shows_its_euro_balance() {
        JsonNode balance = mtn.get("disbursement", "v1_0/account/balance").json();
        Response inEuro = mtn.get("remittance", "v1_0/account/balance/EUR");
        Response inShillings = mtn.get("collection", "v1_0/account/balance/UGX");

        assertThat(balance.get("availableBalance").isTextual()).isTrue();
        assertThat(balance.get("currency").asText()).isEqualTo("EUR");
        assertThat(inEuro.status()).isEqualTo(200);
        assertThat(inShillings.status()).isEqualTo(500);
        assertThat(inShillings.json().get("code").asText()).isEqualTo("INVALID_CURRENCY");
    }
}
