package io.mmg.gateway.mpesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentRows;
import io.mmg.gateway.poller.StatusChanges;
import io.mmg.gateway.provider.OutcomeUnknownException;
import io.mmg.gateway.provider.ProviderOutcome;
import io.mmg.gateway.security.Secrets;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.Phones;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Refunds of M-Pesa collections by the Reversal API, at route level: a REFUND payment is stored as the refund
 * API stores it and sent through direct:send-to-provider with the original payment beside it, then
 * its answer is recorded as direct:initiate-payment records it. Daraja's Result arrives over HTTP.
 */
class MpesaReversalTest extends GatewayApiTest {

    @Autowired
    ProducerTemplate producer;
    @Autowired
    PaymentRows rows;
    @Autowired
    StatusChanges statusChanges;

    @Test
    void a_refund_of_an_mpesa_collection_reverses_its_receipt_and_is_completed_by_the_result() {
        Payment original = collected(Phones.kenya(), "300");
        Payment refund = storedRefund(original, "300");

        ProviderOutcome outcome = initiate(refund, original);

        assertThat(outcome.kind()).isEqualTo(ProviderOutcome.Kind.ACCEPTED);
        JsonNode reversal = mpesa.latestOf(original.phoneNumber());
        assertThat(reversal.path("kind").asText()).isEqualTo("REVERSAL");
        assertThat(reversal.path("request").path("TransactionID").asText()).isEqualTo(original.financialTransactionId());
        assertThat(reversal.path("request").path("RecieverIdentifierType").asText()).isEqualTo("11");
        assertThat(reversal.path("request").path("ReceiverParty").asText()).isEqualTo("174379");
        assertThat(outcome.providerReference()).isEqualTo(reversal.path("originatorConversationId").asText());
        awaitRefund(refund, "SUCCESSFUL");
        assertThat(column(refund, "financial_transaction_id")).isEqualTo(reversal.path("receipt").asText());
        assertThat(mpesa.transaction(original.financialTransactionId()).path("reversed").asBoolean()).isTrue();
    }

    @Test
    void a_receipt_daraja_does_not_know_cannot_be_reversed() {
        Payment original = storedCollection(Phones.kenya(), "301", "QZX0000001");
        Payment refund = storedRefund(original, "301");

        initiate(refund, original);

        awaitRefund(refund, "FAILED");
        assertThat(column(refund, "reason")).isEqualTo("PROVIDER_REJECTED_REQUEST");
        assertThat(column(refund, "provider_reason")).isEqualTo("R000002");
    }

    @Test
    void a_receipt_is_reversed_only_once() {
        Payment original = collected(Phones.kenya(), "302");
        Payment first = storedRefund(original, "302");
        initiate(first, original);
        awaitRefund(first, "SUCCESSFUL");
        Payment second = storedRefund(original, "302");

        initiate(second, original);

        awaitRefund(second, "FAILED");
        assertThat(column(second, "reason")).isEqualTo("DUPLICATE_TRANSACTION");
        assertThat(column(second, "provider_reason")).isEqualTo("R000001");
    }

    @Test
    void a_reversal_whose_answer_was_lost_is_not_sent_again_and_its_result_still_completes_it() {
        Payment original = collected(Phones.kenya(), "303");
        mpesa.answerLate("reversal", original.phoneNumber(), false);
        Payment refund = storedRefund(original, "303");

        Exchange sent = send(refund, original);

        assertThat(sent.getException()).isInstanceOf(OutcomeUnknownException.class);
        assertThat(mpesa.requests("reversal", original.phoneNumber())).isEqualTo(1);
        awaitRefund(refund, "SUCCESSFUL");
    }

    @Test
    void a_lost_reversal_result_is_found_by_a_transaction_status_query_of_the_poller() {
        Payment original = collected(Phones.kenya(), "304");
        mpesa.loseCallback("reversal", original.phoneNumber());
        Payment refund = storedRefund(original, "304");

        initiate(refund, original);

        awaitRefund(refund, "SUCCESSFUL");
        assertThat(mpesa.requests("transactionstatus", original.phoneNumber())).isPositive();
        assertThat(column(refund, "financial_transaction_id"))
                .isEqualTo(mpesa.latestOf(original.phoneNumber()).path("receipt").asText());
    }

    /** A collection made through the API and completed by its STK callback. */
    private Payment collected(String phone, String amount) {
        String id = collect(phone, amount).json().path("id").asText();
        awaitStatus(id, "SUCCESSFUL");
        return load(UUID.fromString(id));
    }

    private Payment storedCollection(String phone, String amount, String receipt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO payment (id, client_id, type, provider, product, status, amount, currency, country,
                                     phone_number, request_hash, financial_transaction_id, completed_at)
                VALUES (?, (SELECT client_id FROM api_key ORDER BY created_at DESC LIMIT 1), 'COLLECTION', 'MPESA',
                        'STK_PUSH', 'SUCCESSFUL', ?::numeric, 'KES', 'KE', ?, 'h', ?, now())""",
                id, amount, phone, receipt);
        return load(id);
    }

    /** The REFUND row the refund API stores: PENDING, linked to the original, its own callback secret. */
    private Payment storedRefund(Payment original, String amount) {
        UUID id = UUID.randomUUID();
        String token = "refund-secret-" + id;
        jdbc.update("""
                INSERT INTO payment (id, client_id, type, provider, product, status, amount, currency, country,
                                     phone_number, request_hash, callback_token_hash, original_payment_id,
                                     next_poll_at)
                VALUES (?, ?, 'REFUND', 'MPESA', 'REVERSAL', 'PENDING', ?::numeric, 'KES', 'KE', ?, 'h', ?, ?,
                        now() + interval '1 hour')""",
                id, original.clientId(), amount, original.phoneNumber(), Secrets.sha256(token), original.id());
        tokens.put(id, token);
        return load(id);
    }

    private final java.util.Map<UUID, String> tokens = new java.util.HashMap<>();

    /** What direct:initiate-payment does after storing: send, then record the answer. */
    private ProviderOutcome initiate(Payment refund, Payment original) {
        Exchange exchange = send(refund, original);
        assertThat(exchange.getException()).isNull();
        ProviderOutcome outcome = exchange.getMessage().getBody(ProviderOutcome.class);
        exchange.getMessage().setBody(statusChanges.initiation(refund, outcome));
        producer.send("direct:record-initiation", exchange);
        return outcome;
    }

    private Exchange send(Payment refund, Payment original) {
        return producer.send("direct:send-to-provider", exchange -> {
            exchange.setProperty("payment", refund);
            exchange.setProperty("routeKey", refund.routeKey());
            exchange.setProperty("callbackToken", tokens.get(refund.id()));
            exchange.setProperty("originalPayment", original);
        });
    }

    private Payment load(UUID id) {
        return rows.toPayment(jdbc.queryForMap("SELECT * FROM payment WHERE id = ?", id));
    }

    private void awaitRefund(Payment refund, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(column(refund, "status")));
    }

    private String column(Payment payment, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM payment WHERE id = ?", String.class, payment.id());
    }
}
