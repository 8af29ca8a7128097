package io.mmg.gateway.provider.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.api.Failures;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.provider.OutcomeUnknownException;
import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.ProviderConfigurationException;
import io.mmg.gateway.provider.ProviderFailures;
import io.mmg.gateway.provider.ProviderOutcome;
import io.mmg.gateway.provider.ProviderReply;
import io.mmg.gateway.provider.RetryableProviderException;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Reads Daraja's synchronous answers (docs/providers.md#safaricom-daraja). Results worth retrying throw
 * {@link RetryableProviderException} (throttling, an expired token, a B2C that may be resent); an answer
 * lost for a request that must not be resent throws {@link OutcomeUnknownException}; refusals of the
 * gateway itself throw {@link ProviderConfigurationException}. Every throw counts against the product's
 * circuit breaker.
 */
@Component("mpesaResponses")
public class MpesaResponses {

    /** "The transaction is being processed": the STK query's answer while the customer has not answered (docs/providers.md#daraja-stk-query). */
    static final String BEING_PROCESSED = "being processed";

    private final ObjectMapper json;
    private final MpesaTokens tokens;

    public MpesaResponses(ObjectMapper json, MpesaTokens tokens) {
        this.json = json;
        this.tokens = tokens;
    }

    public ProviderOutcome interpret(ProviderCall call, ProviderReply reply, String authorization) {
        JsonNode body = read(reply.body());
        MpesaError error = MpesaError.of(reply.status(), body);
        if (error.invalidToken()) {
            // Expired, or replaced by a newer token (docs/providers.md#daraja-oauth): forget it, the retry fetches a new one. Nothing was done.
            tokens.invalidate(authorization);
            throw new RetryableProviderException("INVALID_ACCESS_TOKEN", "Daraja rejected the access token", false);
        }
        if (error.throttled()) {
            throw new RetryableProviderException(error.reason(), "Daraja throttled the call: " + error.errorMessage(),
                    false);
        }
        return switch (call.operation()) {
            case MpesaRequests.STK_QUERY -> stkQueryAnswer(reply, body, error);
            case MpesaRequests.TRANSACTION_STATUS -> statusQueryAnswer(call, reply, body, error);
            default -> initiationAnswer(call, reply, body, error);
        };
    }

    /**
     * The HTTP call failed without an answer. A request that never left (connection refused) may always be
     * sent again; one that may have arrived is sent again only if the product is duplicate-safe.
     */
    public void unanswered(ProviderCall call, Exception failure) throws Exception {
        Throwable io = Failures.find(failure, IOException.class).map(Throwable.class::cast).orElse(failure);
        if (!resendable(call) && !ProviderFailures.neverConnected(io)) {
            throw new OutcomeUnknownException(failure.getClass().getSimpleName(),
                    "No answer to the " + call.operation() + " request; it is not sent again");
        }
        throw failure;
    }

    /**
     * Daraja cannot be asked about this payment (an STK push whose answer, and so its CheckoutRequestID, was
     * lost): nothing is known, the status stays, and its callback (which carries our payment id) settles it.
     */
    public ProviderOutcome cannotAsk(Payment payment) {
        return ProviderOutcome.unknown(null);
    }

    private ProviderOutcome initiationAnswer(ProviderCall call, ProviderReply reply, JsonNode body, MpesaError error) {
        if (reply.isSuccess() && "0".equals(text(body, "ResponseCode"))) {
            return ProviderOutcome.accepted(reference(call, body));
        }
        if (reply.isSuccess() && text(body, "ResponseCode") != null) {
            String code = "ResponseCode " + text(body, "ResponseCode");
            return ProviderOutcome.failed(FailureReason.PROVIDER_REJECTED_REQUEST, code, null);
        }
        if ("500.002.1001".equals(error.errorCode()) && MpesaRequests.B2C.equals(call.operation())) {
            // Our payment id is the OriginatorConversationID: a duplicate means Daraja has it already (docs/providers.md#daraja-b2c).
            return ProviderOutcome.accepted(null);
        }
        if ("500.001.1001".equals(error.errorCode())) {
            if (error.messageSays("lock subscriber") || error.messageSays("already in process")) {
                // Another push to this customer is pending; wait a minute before the next one (docs/providers.md#daraja-limits).
                return ProviderOutcome.failed(FailureReason.PAYER_BUSY, error.reason(), null);
            }
            throw new ProviderConfigurationException(FailureReason.PROVIDER_AUTHENTICATION_FAILED, error.reason(),
                    "Daraja refused the shortcode or its credentials: " + error.errorMessage());
        }
        if (error.refusesTheGateway()) {
            throw new ProviderConfigurationException(FailureReason.PROVIDER_REJECTED_REQUEST, error.reason(),
                    "Daraja answered " + reply.status() + " " + error.reason() + ": check gateway.mpesa.*");
        }
        if (reply.status() >= 400 && reply.status() < 500) {
            // 400.002.02 "Bad Request - Invalid <Field>", 400.002.05 "Invalid Request Payload" (docs/providers.md#daraja-errors).
            return ProviderOutcome.failed(FailureReason.PROVIDER_REJECTED_REQUEST, error.reason(), null);
        }
        // 500.003.1001, 502, 503, an unreadable 200, ...: Daraja may have taken the request.
        if (!resendable(call)) {
            throw new OutcomeUnknownException(error.reason(), "Daraja answered " + reply.status() + " "
                    + error.reason() + " to a request that is not sent again");
        }
        throw new RetryableProviderException(error.reason(), "Daraja answered " + reply.status(), true);
    }

    /** docs/providers.md#daraja-stk-query: final results carry ResultCode as a string; "being processed" is an error envelope meaning pending. */
    private ProviderOutcome stkQueryAnswer(ProviderReply reply, JsonNode body, MpesaError error) {
        if (reply.isSuccess()) {
            String resultCode = text(body, "ResultCode");
            if (resultCode == null) {
                return ProviderOutcome.unknown("NO_RESULT_CODE");
            }
            String response = body.toString();
            return "0".equals(resultCode.trim())
                    ? ProviderOutcome.successful(null, response)
                    : ProviderOutcome.failed(MpesaReasons.forStk(resultCode), resultCode.trim(), response);
        }
        if ("500.001.1001".equals(error.errorCode()) && error.messageSays(BEING_PROCESSED)) {
            return ProviderOutcome.pending(body.toString());
        }
        if ("400.002.02".equals(error.errorCode()) && error.messageSays("checkoutrequestid")) {
            return ProviderOutcome.notFound();
        }
        if (error.refusesTheGateway() || "500.001.1001".equals(error.errorCode())) {
            throw new ProviderConfigurationException(FailureReason.PROVIDER_REJECTED_REQUEST, error.reason(),
                    "Daraja refused an STK query: " + error.errorMessage());
        }
        throw new RetryableProviderException(error.reason(), "Daraja answered " + reply.status(), true);
    }

    /** docs/providers.md#daraja-transaction-status: the acknowledgement only; the status itself comes to the ResultURL. Until then nothing is known. */
    private ProviderOutcome statusQueryAnswer(ProviderCall call, ProviderReply reply, JsonNode body,
                                              MpesaError error) {
        if (reply.isSuccess() && "0".equals(text(body, "ResponseCode"))) {
            return ProviderOutcome.unknown(null);
        }
        if (error.refusesTheGateway() || reply.status() >= 400 && reply.status() < 500) {
            throw new ProviderConfigurationException(FailureReason.PROVIDER_REJECTED_REQUEST, error.reason(),
                    "Daraja refused a transaction status query: " + error.errorMessage());
        }
        throw new RetryableProviderException(error.reason(), "Daraja answered " + reply.status() + " to "
                + call.operation(), true);
    }

    /** Daraja's own id of what was started: what the status questions and callbacks are matched on. */
    private static String reference(ProviderCall call, JsonNode body) {
        return switch (call.operation()) {
            case MpesaRequests.STK_PUSH -> text(body, "CheckoutRequestID");
            case MpesaRequests.B2C -> text(body, "ConversationID");
            // Transaction Status asks by Originator Conversation ID (Daraja's Transaction Status page); Daraja picks it here.
            case MpesaRequests.REVERSAL -> text(body, "OriginatorConversationID");
            default -> null;
        };
    }

    /**
     * Whether sending the same request twice is safe. B2C v3 carries our id as OriginatorConversationID and a
     * resend answers 500.002.1001 (docs/providers.md#daraja-b2c); queries and tokens change nothing. An STK push has no idempotency key:
     * a resend prompts the customer again (docs/providers.md#daraja-stk-push). A reversal resent after the first one went through answers
     * R000001 "already reversed" (docs/providers.md#daraja-reversal), which would fail a refund that succeeded.
     */
    private static boolean resendable(ProviderCall call) {
        return !MpesaRequests.STK_PUSH.equals(call.operation()) && !MpesaRequests.REVERSAL.equals(call.operation());
    }

    JsonNode read(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
