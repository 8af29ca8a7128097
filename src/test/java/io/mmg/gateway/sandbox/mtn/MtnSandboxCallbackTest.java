package io.mmg.gateway.sandbox.mtn;

import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.newReference;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.ordinaryMsisdn;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.requestToPayBody;
import static io.mmg.gateway.sandbox.mtn.MtnSandboxClient.transferBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.sandbox.CallbackReceiver;
import io.mmg.gateway.sandbox.CallbackReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MtnSandboxCallbackTest extends MtnSandboxIntegrationTest {

    CallbackReceiver merchant;

    @BeforeEach
    void startTheMerchantsListener() {
        merchant = new CallbackReceiver();
    }

    @AfterEach
    void stopTheMerchantsListener() {
        merchant.close();
    }

    @Test
    void the_final_status_is_put_to_the_callback_url_once() throws Exception {
        String reference = newReference();
        String payer = ordinaryMsisdn();
        String path = "/callbacks/mtn/" + reference;

        mtn.create("collection", "v1_0", "requesttopay", reference, requestToPayBody(payer, "6.0"),
                merchant.url(path));
        Received callback = merchant.awaitOne(path);

        assertThat(callback.method()).isEqualTo("PUT");
        JsonNode body = MtnSandboxClient.JSON.readTree(callback.body());
        assertThat(body).isEqualTo(mtn.status("collection", "v1_0", "requesttopay", reference).json());
        assertThat(body.get("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(body.get("amount").asText()).isEqualTo("6");
        assertThat(body.get("payer").get("partyId").asText()).isEqualTo(payer);
        Thread.sleep(200);
        assertThat(merchant.received(path)).hasSize(1);
    }

    @Test
    void a_failed_transaction_calls_back_with_its_reason() throws Exception {
        String reference = newReference();
        String path = "/callbacks/failed";

        mtn.create("disbursement", "v1_0", "transfer", reference, transferBody("46733123455", "5"),
                merchant.url(path));

        JsonNode body = MtnSandboxClient.JSON.readTree(merchant.awaitOne(path).body());
        assertThat(body.get("status").asText()).isEqualTo("FAILED");
        assertThat(body.get("reason").asText()).isEqualTo("NOT_ENOUGH_FUNDS");
    }

    @Test
    void callbacks_can_be_posted_instead() {
        mtn.control("PUT", "", "{\"settings\": {\"callback-method\": \"POST\"}}");
        String path = "/callbacks/post";

        mtn.create("disbursement", "v1_0", "deposit", newReference(), transferBody(ordinaryMsisdn(), "5"),
                merchant.url(path));

        assertThat(merchant.awaitOne(path).method()).isEqualTo("POST");
    }

    @Test
    void a_suppressed_callback_is_never_sent_but_the_payment_completes() throws InterruptedException {
        String payer = ordinaryMsisdn();
        mtn.control("POST", "/faults", """
                {"operation":"requesttopay","msisdn":"%s","times":1,"suppressCallback":true}""".formatted(payer));
        String reference = newReference();
        String path = "/callbacks/suppressed";

        mtn.create("collection", "v1_0", "requesttopay", reference, requestToPayBody(payer, "5"), merchant.url(path));

        assertThat(mtn.awaitFinal("collection", "v1_0", "requesttopay", reference).get("status").asText())
                .isEqualTo("SUCCESSFUL");
        Thread.sleep(200);
        assertThat(merchant.received(path)).isEmpty();
    }
}
