package io.mmg.gateway.provider.mpesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.provider.GatewayUrls;
import io.mmg.gateway.provider.OutcomeUnknownException;
import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.ProviderConfigurationException;
import io.mmg.gateway.provider.ProviderOutcome;
import io.mmg.gateway.provider.ProviderReply;
import io.mmg.gateway.provider.RetryableProviderException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How Daraja's synchronous answers are read: what is retried, what is unknown, what fails (docs/providers.md#safaricom-daraja). */
class MpesaResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MpesaSettings settings = new MpesaSettings("", "k", "s", null, null, null, null);
    private final MpesaResponses responses = new MpesaResponses(JSON,
            new MpesaTokens(settings, new MpesaRequests(settings, new GatewayUrls("https://gw"), JSON), null, JSON));

    private static ProviderCall call(String operation) {
        return new ProviderCall(operation, "POST", "/x", Map.of(), "{}");
    }

    private static ProviderReply envelope(int status, String code, String message) {
        return new ProviderReply(status, "{\"requestId\":\"1\",\"errorCode\":\"" + code + "\",\"errorMessage\":\""
                + message + "\"}");
    }

    @Test
    void an_accepted_push_names_its_checkout_request_id() {
        ProviderOutcome outcome = responses.interpret(call(MpesaRequests.STK_PUSH), new ProviderReply(200,
                "{\"MerchantRequestID\":\"1-2-1\",\"CheckoutRequestID\":\"ws_CO_9\",\"ResponseCode\":\"0\"}"), null);

        assertThat(outcome.kind()).isEqualTo(ProviderOutcome.Kind.ACCEPTED);
        assertThat(outcome.providerReference()).isEqualTo("ws_CO_9");
    }

    @Test
    void throttling_was_not_processed_so_even_a_push_is_retried() {
        for (String code : new String[] {"500.003.02", "500.003.03"}) {
            assertThatThrownBy(() -> responses.interpret(call(MpesaRequests.STK_PUSH),
                    envelope(500, code, "Spike Arrest Violation"), null))
                    .isInstanceOfSatisfying(RetryableProviderException.class,
                            e -> assertThat(e.maybeReceived()).isFalse());
        }
    }

    @Test
    void an_internal_error_is_unknown_for_a_push_and_a_reversal_but_retried_for_a_b2c_payment() {
        ProviderReply internal = envelope(500, "500.003.1001", "Internal Server Error");

        assertThatThrownBy(() -> responses.interpret(call(MpesaRequests.STK_PUSH), internal, null))
                .isInstanceOf(OutcomeUnknownException.class);
        assertThatThrownBy(() -> responses.interpret(call(MpesaRequests.REVERSAL), internal, null))
                .isInstanceOf(OutcomeUnknownException.class);
        assertThatThrownBy(() -> responses.interpret(call(MpesaRequests.B2C), internal, null))
                .isInstanceOfSatisfying(RetryableProviderException.class, e -> assertThat(e.maybeReceived()).isTrue());
    }

    @Test
    void a_duplicate_originator_conversation_id_means_daraja_has_the_b2c_payment() {
        ProviderOutcome outcome = responses.interpret(call(MpesaRequests.B2C),
                envelope(500, "500.002.1001", "Duplicate OriginatorConversationID."), null);

        assertThat(outcome.kind()).isEqualTo(ProviderOutcome.Kind.ACCEPTED);
    }

    @Test
    void the_four_meanings_of_500_001_1001_are_told_apart() {
        ProviderOutcome busy = responses.interpret(call(MpesaRequests.STK_PUSH), envelope(500, "500.001.1001",
                "Unable to lock subscriber, a transaction is already in process for the current subscriber"), null);
        ProviderOutcome processing = responses.interpret(call(MpesaRequests.STK_QUERY),
                envelope(500, "500.001.1001", "The transaction is being processed"), null);

        assertThat(busy.reason()).isEqualTo(FailureReason.PAYER_BUSY);
        assertThat(processing.kind()).isEqualTo(ProviderOutcome.Kind.PENDING);
        assertThatThrownBy(() -> responses.interpret(call(MpesaRequests.STK_PUSH),
                envelope(500, "500.001.1001", "Wrong credentials"), null))
                .isInstanceOf(ProviderConfigurationException.class);
        assertThatThrownBy(() -> responses.interpret(call(MpesaRequests.STK_PUSH),
                envelope(500, "500.001.1001", "Merchant does not exist"), null))
                .isInstanceOf(ProviderConfigurationException.class);
    }

    @Test
    void the_stk_query_reads_string_result_codes_and_an_unknown_checkout_request_id_as_not_found() {
        ProviderOutcome cancelled = responses.interpret(call(MpesaRequests.STK_QUERY), new ProviderReply(200,
                "{\"ResponseCode\":\"0\",\"ResultCode\":\"1032\",\"ResultDesc\":\"Request cancelled by user\"}"), null);
        ProviderOutcome paid = responses.interpret(call(MpesaRequests.STK_QUERY), new ProviderReply(200,
                "{\"ResponseCode\":\"0\",\"ResultCode\":\"0\"}"), null);
        ProviderOutcome unknown = responses.interpret(call(MpesaRequests.STK_QUERY),
                envelope(400, "400.002.02", "Bad Request - Invalid CheckoutRequestID"), null);

        assertThat(cancelled.reason()).isEqualTo(FailureReason.TRANSACTION_CANCELED);
        assertThat(cancelled.providerReason()).isEqualTo("1032");
        assertThat(paid.kind()).isEqualTo(ProviderOutcome.Kind.SUCCESSFUL);
        assertThat(unknown.kind()).isEqualTo(ProviderOutcome.Kind.NOT_FOUND);
    }

    @Test
    void an_invalid_token_is_retried_with_a_new_one() {
        assertThatThrownBy(() -> responses.interpret(call(MpesaRequests.STK_PUSH),
                envelope(404, "404.001.03", "Invalid Access Token"), "Bearer old"))
                .isInstanceOfSatisfying(RetryableProviderException.class, e -> assertThat(e.maybeReceived()).isFalse());
    }

    @Test
    void a_push_without_an_answer_is_unknown_unless_the_connection_was_never_made() {
        assertThatThrownBy(() -> responses.unanswered(call(MpesaRequests.STK_PUSH), new SocketTimeoutException()))
                .isInstanceOf(OutcomeUnknownException.class);
        assertThatThrownBy(() -> responses.unanswered(call(MpesaRequests.STK_PUSH), new ConnectException()))
                .isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> responses.unanswered(call(MpesaRequests.B2C), new SocketTimeoutException()))
                .isInstanceOf(SocketTimeoutException.class);
    }
}
