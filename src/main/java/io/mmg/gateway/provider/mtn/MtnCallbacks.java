package io.mmg.gateway.provider.mtn;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.provider.ProviderOutcome;
import io.mmg.gateway.security.CallbackMismatchException;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Reads an MTN callback (PUT or POST, same body as the status GET, docs/providers.md#mtn-callbacks) for a payment
 * whose callback secret was already checked, and makes sure the body is about that payment.
 */
@Component("mtnCallbacks")
public class MtnCallbacks {

    private final MtnResponses responses;
    private final MtnSettings settings;

    public MtnCallbacks(MtnResponses responses, MtnSettings settings) {
        this.responses = responses;
        this.settings = settings;
    }

    public ProviderOutcome outcome(Payment payment, String body) {
        JsonNode root = responses.read(body);
        if (!root.isObject() || root.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The callback body is not an MTN status object");
        }
        MtnStatusBody callback = MtnStatusBody.of(root);
        if (callback.externalId() != null && !callback.externalId().equals(MtnRequests.externalId(payment))) {
            throw new CallbackMismatchException(payment.id(), "externalId");
        }
        if (callback.amount() != null && !sameAmount(callback.amount(), payment.amount())) {
            throw new CallbackMismatchException(payment.id(), "amount");
        }
        if (callback.currency() != null && !callback.currency().equals(settings.wireCurrency(payment.currency()))) {
            throw new CallbackMismatchException(payment.id(), "currency");
        }
        ProviderOutcome outcome = responses.outcomeOf(body);
        if (outcome.kind() == ProviderOutcome.Kind.UNKNOWN) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The callback has no known status");
        }
        return outcome;
    }

    private static boolean sameAmount(String text, BigDecimal expected) {
        try {
            return new BigDecimal(text.trim()).compareTo(expected) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
