package io.mmg.gateway.compat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.payment.PaymentRequestParser;
import io.mmg.gateway.payment.Provider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Callbacks posted to the old APIs' fixed URLs (the MTN MoMo Cameroon API {@code /api/payments/mtn-momo/callback}, the M-Pesa checkout API
 * {@code /api/payment/mpesa-callback/}) cannot carry a payment's secret, so their bodies are never believed: they
 * only name an open payment, which the gateway then asks its provider about (direct:refresh-payment). A forged
 * body therefore changes nothing by itself. The gateway gives the providers its own callback URLs; these exist
 * for whatever still posts to the old APIs' URLs.
 */
@Component("callbackHints")
public class CallbackHints {

    private static final Logger log = LoggerFactory.getLogger(CallbackHints.class);

    private final PaymentRequestParser parser;

    public CallbackHints(PaymentRequestParser parser) {
        this.parser = parser;
    }

    /**
     * An MTN status body (docs/providers.md#mtn-callbacks) names no payment; the reference id is ours (X-Reference-Id), so it is taken from a
     * {@code referenceId} field or an {@code X-Reference-Id} header when the sender adds one.
     */
    public Map<String, Object> mtn(String body, String referenceIdHeader) {
        JsonNode root = parser.readObject(body);
        String referenceId = root.hasNonNull("referenceId") ? root.get("referenceId").asText() : referenceIdHeader;
        return params(Provider.MTN_MOMO, uuid(referenceId), null);
    }

    /** A Daraja STK callback (docs/providers.md#daraja-stk-callback) names the push by its CheckoutRequestID, stored as the provider reference. */
    public Map<String, Object> mpesaStk(String body) {
        JsonNode callback = parser.readObject(body).path("Body").path("stkCallback");
        return params(Provider.MPESA, null, callback.path("CheckoutRequestID").asText(null));
    }

    public void logHint(List<Map<String, Object>> payments, String fixedUrl) {
        if (payments.isEmpty()) {
            log.info("A callback to {} named no open payment; nothing to ask", fixedUrl);
        } else {
            log.info("A callback to {} named payment {}; asking its provider", fixedUrl, payments.get(0).get("id"));
        }
    }

    private static Map<String, Object> params(Provider provider, UUID id, String providerReference) {
        Map<String, Object> params = new HashMap<>();
        params.put("provider", provider.name());
        params.put("id", id);
        params.put("providerReference", providerReference);
        return params;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
