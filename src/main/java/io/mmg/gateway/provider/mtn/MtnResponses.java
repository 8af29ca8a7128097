package io.mmg.gateway.provider.mtn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.payment.FailureReason;
import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.ProviderConfigurationException;
import io.mmg.gateway.provider.ProviderOutcome;
import io.mmg.gateway.provider.ProviderReply;
import io.mmg.gateway.provider.RetryableProviderException;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Reads MTN's answers (docs/providers.md#mtn-collection, #mtn-errors). Business results become a {@link ProviderOutcome};
 * failures worth retrying throw {@link RetryableProviderException}, which also counts against the
 * product's circuit breaker; refusals of the gateway itself throw {@link ProviderConfigurationException}.
 */
@Component("mtnResponses")
public class MtnResponses {

    private final ObjectMapper json;
    private final MtnTokens tokens;

    public MtnResponses(ObjectMapper json, MtnTokens tokens) {
        this.json = json;
        this.tokens = tokens;
    }

    /**
     * What an MTN answer means: a {@link ProviderOutcome} for a payment's creation or status query, the
     * {@link ProviderReply} itself for a synchronous query (balance, account holder) that MTN answered.
     */
    public Object interpret(ProviderCall call, ProviderReply reply, String product, String authorization) {
        int status = reply.status();
        if (status == 401) {
            // Expired or revoked token: forget it, so the retry fetches a new one (docs/providers.md#mtn-tokens).
            tokens.invalidate(MtnProduct.ofPath(product), call, authorization);
            throw new RetryableProviderException("UNAUTHORIZED", "MTN rejected the access token", false);
        }
        if (status == 403) {
            throw new ProviderConfigurationException(FailureReason.PROVIDER_AUTHENTICATION_FAILED, "FORBIDDEN",
                    "MTN refused the call (403): is this server's IP whitelisted?");
        }
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            throw new RetryableProviderException(code(reply, "HTTP_" + status),
                    "MTN answered " + status, status != 503 && status != 429);
        }
        return switch (call.operation()) {
            case ProviderCall.INITIATE -> initiationAnswer(reply);
            case ProviderCall.STATUS -> statusAnswer(reply);
            default -> queryAnswer(reply);
        };
    }

    private ProviderOutcome initiationAnswer(ProviderReply reply) {
        int status = reply.status();
        if (status == 202) {
            return ProviderOutcome.accepted(null);
        }
        if (status == 409) {
            // Our payment id is the X-Reference-Id: a 409 on a resend means MTN already has it (docs/providers.md#mtn-errors).
            return ProviderOutcome.accepted(null);
        }
        String code = code(reply, "HTTP_" + status);
        if (status == 400) {
            return ProviderOutcome.failed(FailureReason.PROVIDER_REJECTED_REQUEST, code, reply.body());
        }
        if (status == 404) {
            throw new ProviderConfigurationException(FailureReason.PROVIDER_REJECTED_REQUEST, code,
                    "MTN answered 404 to a request creation: check gateway.mtn.base-url");
        }
        if (status >= 500 && (MtnReasons.isTransient(code) || code.startsWith("HTTP_"))) {
            throw new RetryableProviderException(code, "MTN answered " + status + " " + code, true);
        }
        if (status >= 500) {
            // MTN reports many business refusals as 500 {"code": ...} (docs/providers.md#mtn-errors).
            return ProviderOutcome.failed(MtnReasons.toFailureReason(code), code, reply.body());
        }
        throw new RetryableProviderException(code, "Unexpected MTN answer " + status, true);
    }

    private ProviderOutcome statusAnswer(ProviderReply reply) {
        int status = reply.status();
        if (status == 404) {
            return ProviderOutcome.notFound();
        }
        if (status == 200) {
            return outcomeOf(reply.body());
        }
        if (status == 400) {
            throw new ProviderConfigurationException(FailureReason.PROVIDER_REJECTED_REQUEST, code(reply, "HTTP_400"),
                    "MTN rejected a status query (400)");
        }
        throw new RetryableProviderException(code(reply, "HTTP_" + status), "MTN answered " + status, true);
    }

    /**
     * A balance or account-holder answer: 200, or 404 (no such account holder, docs/providers.md#mtn-accounts), is MTN's answer; a
     * transient 5xx may succeed later; any other refusal (400, NOT_ALLOWED, NOT_ALLOWED_TARGET_ENVIRONMENT)
     * is about the gateway's own setup.
     */
    private ProviderReply queryAnswer(ProviderReply reply) {
        int status = reply.status();
        if (status == 200 || status == 404) {
            return reply;
        }
        String code = code(reply, "HTTP_" + status);
        if (status >= 500 && (MtnReasons.isTransient(code) || code.startsWith("HTTP_"))) {
            throw new RetryableProviderException(code, "MTN answered " + status + " " + code, true);
        }
        throw new ProviderConfigurationException(MtnReasons.toFailureReason(code), code,
                "MTN refused the query (" + status + " " + code + ")");
    }

    /** A status body (GET or callback) as an outcome. */
    ProviderOutcome outcomeOf(String body) {
        return outcomeOf(MtnStatusBody.of(read(body)), body);
    }

    /** The same, for a body already read. */
    ProviderOutcome outcomeOf(MtnStatusBody parsed, String body) {
        String state = parsed.status() == null ? "" : parsed.status();
        return switch (state) {
            case "SUCCESSFUL" -> ProviderOutcome.successful(parsed.financialTransactionId(), body);
            case "FAILED" -> ProviderOutcome.failed(MtnReasons.toFailureReason(parsed.reason()), parsed.reason(), body);
            case "PENDING" -> ProviderOutcome.pending(body);
            default -> ProviderOutcome.unknown("STATUS_" + state);
        };
    }

    /** The amount a status body states (docs/providers.md#mtn-status), or null when it states none: what a reconciliation compares. */
    public BigDecimal statedAmount(String body) {
        String amount = body == null ? null : MtnStatusBody.of(read(body)).amount();
        try {
            return amount == null ? null : new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    JsonNode read(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            return node == null ? json.createObjectNode() : node;
        } catch (java.io.IOException e) {
            return json.createObjectNode();
        }
    }

    private String code(ProviderReply reply, String fallback) {
        JsonNode code = read(reply.body()).get("code");
        return code == null || code.isNull() || code.asText().isBlank() ? fallback : code.asText();
    }
}
