package io.mmg.gateway.provider.mtn;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.provider.ProviderOutcome;
import io.mmg.gateway.poller.StatusChanges;
import io.mmg.gateway.security.CallbackMismatchException;
import io.mmg.gateway.security.ProviderCallbacks;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reads an MTN callback (PUT or POST, same body as the status GET, docs/providers.md#mtn-callbacks) for a payment
 * whose callback secret was already checked, and makes sure the body is about that payment.
 */
@Component("mtnCallbacks")
public class MtnCallbacks {

    private static final String PROVIDER = "MTN_MOMO";

    private final MtnResponses responses;
    private final MtnSettings settings;
    private final ProviderCallbacks providerCallbacks;
    private final StatusChanges statusChanges;

    public MtnCallbacks(MtnResponses responses, MtnSettings settings, ProviderCallbacks providerCallbacks,
                        StatusChanges statusChanges) {
        this.responses = responses;
        this.settings = settings;
        this.providerCallbacks = providerCallbacks;
        this.statusChanges = statusChanges;
    }

    /**
     * apply-callback.sql's parameters for a callback that states a final result: what {@link #outcome} checks against
     * the payment becomes a condition of the update (externalId, amount, the currency MTN uses for it). Null when
     * the callback cannot be judged without the payment (no secret, not a status object, no final status, a
     * currency or amount no payment could match): the route then reads the payment and answers as it always has.
     */
    public Map<String, Object> atOnce(String paymentId, String token, String body) {
        Map<String, Object> params = providerCallbacks.atOnce(paymentId, token, PROVIDER);
        if (params == null) {
            return null;
        }
        JsonNode root = responses.read(body);
        if (!root.isObject() || root.isEmpty()) {
            return null;
        }
        MtnStatusBody callback = MtnStatusBody.of(root);
        Map<String, Object> status = statusChanges.finalCallback((UUID) params.get("id"),
                responses.outcomeOf(callback, body));
        BigDecimal amount = callback.amount() == null ? null : amountOrNull(callback.amount());
        String currency = callback.currency();
        if (status == null || callback.amount() != null && amount == null) {
            return null;
        }
        if (currency != null && settings.isSandbox()) {
            // The sandbox speaks one currency for every payment: the callback's either is it or matches none.
            if (!currency.equals(MtnSettings.SANDBOX_CURRENCY)) {
                return null;
            }
            currency = null;
        }
        params.putAll(status);
        params.put("externalId", callback.externalId());
        params.put("amount", amount);
        params.put("currency", currency);
        return params;
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
        ProviderOutcome outcome = responses.outcomeOf(callback, body);
        if (outcome.kind() == ProviderOutcome.Kind.UNKNOWN) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The callback has no known status");
        }
        return outcome;
    }

    private static BigDecimal amountOrNull(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean sameAmount(String text, BigDecimal expected) {
        try {
            return new BigDecimal(text.trim()).compareTo(expected) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
