package io.mmg.gateway.sandbox.mtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** PATCH /sandbox/control/mtn/transactions/{referenceId}: what the simulator says about a transaction, corrected. */
class MtnSandboxRestatementTest {

    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(60);
    private static final MtnParty PAYER = new MtnParty("MSISDN", "256772123456");

    private final MtnSandboxTransaction successful = new MtnSandboxTransaction(MtnProduct.COLLECTION,
            MtnTransactionType.REQUEST_TO_PAY, "ref", new MtnTransactionRequest("6", "EUR", "order-42", PAYER, null,
            null, null, Map.of()), PAYER, MtnSandboxOutcome.SUCCESSFUL, CREATED.plusMillis(300), "1195582132", null,
            new AtomicBoolean());

    @Test
    void a_successful_payment_restated_as_failed_says_failed_with_the_reason_from_then_on() {
        MtnSandboxTransaction restated = restate("{\"status\":\"FAILED\",\"reason\":\"NOT_ENOUGH_FUNDS\"}");

        assertThat(restated.statusBody(LATER, MtnReasonFormat.STRING))
                .containsEntry("status", "FAILED")
                .containsEntry("reason", "NOT_ENOUGH_FUNDS")
                .containsEntry("amount", "6");
    }

    @Test
    void a_failed_payment_restated_as_successful_gets_a_financial_transaction_id() {
        MtnSandboxTransaction failed = new MtnSandboxTransaction(MtnProduct.COLLECTION,
                MtnTransactionType.REQUEST_TO_PAY, "ref", successful.request(), PAYER,
                MtnSandboxOutcome.failed(MtnErrorReason.APPROVAL_REJECTED), CREATED, null, null, new AtomicBoolean());

        MtnSandboxTransaction restated = MtnSandboxRestatement.parse(json("{\"status\":\"successful\"}"))
                .applyTo(failed, LATER);

        assertThat(restated.statusBody(LATER, MtnReasonFormat.STRING))
                .containsEntry("status", "SUCCESSFUL")
                .containsKey("financialTransactionId")
                .doesNotContainKey("reason");
    }

    @Test
    void an_amount_alone_changes_the_amount_and_nothing_else() {
        MtnSandboxTransaction restated = restate("{\"amount\":\"5.50\"}");

        assertThat(restated.statusBody(LATER, MtnReasonFormat.STRING))
                .containsEntry("amount", "5.5")
                .containsEntry("status", "SUCCESSFUL")
                .containsEntry("financialTransactionId", "1195582132");
    }

    @Test
    void a_payment_restated_as_pending_stays_pending() {
        assertThat(restate("{\"status\":\"PENDING\"}").status(LATER.plusSeconds(3600))).isEqualTo("PENDING");
    }

    @Test
    void a_restatement_the_simulator_cannot_make_is_refused() {
        assertThatThrownBy(() -> restate("{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> restate("{\"status\":\"LOST\"}")).hasMessageContaining("status");
        assertThatThrownBy(() -> restate("{\"status\":\"FAILED\",\"reason\":\"BAD_LUCK\"}")).hasMessageContaining("reason");
        assertThatThrownBy(() -> restate("{\"amount\":\"-1\"}")).hasMessageContaining("amount");
        assertThatThrownBy(() -> restate("{\"currency\":\"UGX\"}")).hasMessageContaining("currency");
    }

    private MtnSandboxTransaction restate(String change) {
        return MtnSandboxRestatement.parse(json(change)).applyTo(successful, LATER);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
