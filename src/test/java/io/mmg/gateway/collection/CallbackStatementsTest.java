package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.MpesaSandbox;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A callback with a final result (MTN, an M-Pesa STK push) is ONE statement (apply-callback.sql: authenticate, check, apply, write the event),
 * not a read of the payment followed by an update (docs/benchmarks.md, "What was changed"); only one the statement
 * did not apply is read to answer it. Counted as the SQL statements the callback's exchange sends, by payment id.
 */
class CallbackStatementsTest extends GatewayApiTest {

    @Autowired
    CamelContext camel;

    private final StatementsPerPayment statements = new StatementsPerPayment();

    @BeforeEach
    void countStatements() throws Exception {
        statements.start();
        camel.getManagementStrategy().addEventNotifier(statements);
    }

    @AfterEach
    void stopCounting() throws Exception {
        camel.getManagementStrategy().removeEventNotifier(statements);
        statements.stop();
    }

    @Test
    void a_final_callback_is_one_statement_that_applies_it_with_its_event() {
        String id = delayedCollection();

        HttpResponseView answer = callback(id, token(id), success("5", "EUR"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
        assertThat(statements.of(id)).isEqualTo(1);
        assertThat(events(id, "STATUS_CHANGED")).containsExactly("PENDING->SUCCESSFUL");
    }

    @Test
    void a_failure_is_one_statement_too_with_its_reason() {
        String id = delayedCollection();

        HttpResponseView answer = callback(id, token(id),
                "{\"status\":\"FAILED\",\"reason\":\"APPROVAL_REJECTED\",\"amount\":\"5\",\"currency\":\"EUR\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(statements.of(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status || ' ' || reason FROM payment WHERE id = ?::uuid", String.class, id))
                .isEqualTo("FAILED PAYMENT_NOT_APPROVED");
    }

    @Test
    void a_duplicate_is_answered_as_before_and_changes_nothing() {
        String id = delayedCollection();
        String token = token(id);
        callback(id, token, success("5", "EUR"));
        String updatedAt = jdbc.queryForObject("SELECT updated_at::text FROM payment WHERE id = ?::uuid", String.class, id);

        HttpResponseView again = callback(id, token, "{\"status\":\"FAILED\",\"reason\":\"APPROVAL_REJECTED\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
        assertThat(jdbc.queryForObject("SELECT updated_at::text FROM payment WHERE id = ?::uuid", String.class, id))
                .isEqualTo(updatedAt);
        assertThat(events(id, "STATUS_CHANGED")).containsExactly("PENDING->SUCCESSFUL");
    }

    @Test
    void a_wrong_secret_changes_nothing_and_learns_nothing() {
        String id = delayedCollection();

        HttpResponseView forged = callback(id, "0".repeat(64), success("5", "EUR"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().path("code").asText()).isEqualTo("CALLBACK_REJECTED");
        assertThat(forged.body()).contains("Callback rejected: wrong token");
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(events(id, "CALLBACK_REJECTED")).isEmpty();
    }

    @Test
    void an_authenticated_callback_about_another_payment_is_rejected_and_kept_for_audit() {
        String id = delayedCollection();
        String token = token(id);

        HttpResponseView otherExternalId = callback(id, token,
                "{\"status\":\"SUCCESSFUL\",\"externalId\":\"someone-else\",\"amount\":\"5\",\"currency\":\"EUR\"}");
        HttpResponseView otherCurrency = callback(id, token, success("5", "UGX"));
        HttpResponseView otherAmount = callback(id, token, success("5.01", "EUR"));

        assertThat(List.of(otherExternalId.status(), otherCurrency.status(), otherAmount.status()))
                .containsOnly(422);
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(events(id, "CALLBACK_REJECTED")).hasSize(3);
    }

    @Test
    void the_same_amount_written_otherwise_is_the_same_amount() {
        String id = delayedCollection();

        HttpResponseView answer = callback(id, token(id), success("5.00", "EUR"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
        assertThat(statements.of(id)).isEqualTo(1);
    }

    @Test
    void an_mpesa_stk_callback_is_one_statement_too() {
        String phone = MpesaSandbox.customerWhoNeverAnswers();
        String id = collect(phone, "407").json().path("id").asText();
        JsonNode push = mpesa.latestOf(phone);

        HttpResponseView answer = http.send("POST", push.path("callbackUrl").asText(), """
                {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"%s",
                 "ResultCode":0,"ResultDesc":"The service request is processed successfully.",
                 "CallbackMetadata":{"Item":[{"Name":"Amount","Value":407},{"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"}]}}}}"""
                .formatted(push.path("id").asText()), Map.of("Content-Type", "application/json"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("ResultCode").asInt()).isZero();
        assertThat(status(id)).isEqualTo("SUCCESSFUL");
        assertThat(statements.of(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT financial_transaction_id FROM payment WHERE id = ?::uuid", String.class, id))
                .isEqualTo("NLJ7RT61SV");
    }

    private String delayedCollection() {
        HttpResponseView created = collect("46733123454", "5");   // "Delayed": stays PENDING, no callback of its own
        assertThat(created.status()).isEqualTo(202);
        return created.json().path("id").asText();
    }

    private String token(String id) {
        String url = mtn.transaction(id).path("callbackUrl").asText();
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    private HttpResponseView callback(String id, String token, String body) {
        return http.send("PUT", "/callbacks/mtn/" + id + "?token=" + token, body,
                Map.of("Content-Type", "application/json"));
    }

    private static String success(String amount, String currency) {
        return "{\"financialTransactionId\":\"987654321\",\"amount\":\"" + amount + "\",\"currency\":\"" + currency
                + "\",\"status\":\"SUCCESSFUL\"}";
    }

    private List<String> events(String id, String type) {
        return jdbc.queryForList("SELECT from_status || '->' || to_status FROM payment_event"
                + " WHERE payment_id = ?::uuid AND type = ? ORDER BY id", String.class, id, type);
    }

    /** SQL statements sent by callback exchanges (the /callbacks/mtn/{paymentId} path parameter), per payment. */
    static final class StatementsPerPayment extends EventNotifierSupport {

        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        @Override
        public boolean isEnabled(CamelEvent event) {
            // Camel tells a "sent" event only for a send whose "sending" event a notifier took.
            return event instanceof ExchangeSendingEvent || event instanceof ExchangeSentEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            if (event instanceof ExchangeSentEvent sent && sent.getEndpoint() instanceof SqlEndpoint) {
                String uri = sent.getExchange().getIn().getHeader("CamelHttpUri", String.class);
                String paymentId = sent.getExchange().getIn().getHeader("paymentId", String.class);
                if (uri != null && uri.startsWith("/callbacks/") && paymentId != null) {
                    counts.computeIfAbsent(paymentId, id -> new AtomicInteger()).incrementAndGet();
                }
            }
        }

        int of(String paymentId) {
            AtomicInteger count = counts.get(paymentId);
            return count == null ? 0 : count.get();
        }
    }
}
