package io.mmg.gateway.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The API's representation of a payment. Amounts are strings with the currency's exact decimals,
 * never JSON floating point numbers.
 */
@Component
public class PaymentJson {

    private final ObjectMapper json;

    public PaymentJson(ObjectMapper json) {
        this.json = json;
    }

    public Map<String, Object> render(Payment payment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", payment.id().toString());
        view.put("type", payment.type().name());
        view.put("status", payment.status().name());
        view.put("provider", payment.provider().name());
        view.put("product", payment.product());
        view.put("amount", Currencies.format(payment.amount(), payment.currency()));
        view.put("currency", payment.currency());
        view.put("country", payment.country());
        view.put("phoneNumber", payment.phoneNumber());
        view.put("externalId", payment.externalId());
        view.put("payerMessage", payment.payerMessage());
        view.put("payeeNote", payment.payeeNote());
        view.put("reason", payment.reason());
        view.put("errorMessage", payment.errorMessage());
        view.put("providerReason", payment.providerReason());
        view.put("financialTransactionId", payment.financialTransactionId());
        // The provider's own id when it differs from ours (M-Pesa CheckoutRequestID, ConversationID).
        view.put("providerReference", payment.providerReference());
        // What the provider finally said of a CANCELLED payment (docs/cancellation.md); null for any other, so that
        // every payment has the same fields.
        view.put("providerOutcome", payment.providerOutcome());
        view.put("originalPaymentId", payment.originalPaymentId() == null ? null : payment.originalPaymentId().toString());
        // What SUCCESSFUL refunds (POST /payments/{id}/refunds) paid back so far; null for a type that cannot be
        // refunded, so that every payment type has the same fields.
        view.put("refundedAmount", payment.type() != PaymentType.COLLECTION ? null : Currencies.format(
                payment.refundedAmount() == null ? BigDecimal.ZERO : payment.refundedAmount(), payment.currency()));
        view.put("metadata", metadata(payment.metadataJson()));
        view.put("createdAt", payment.createdAt() == null ? null : payment.createdAt().toString());
        view.put("updatedAt", payment.updatedAt() == null ? null : payment.updatedAt().toString());
        view.put("completedAt", payment.completedAt() == null ? null : payment.completedAt().toString());
        return view;
    }

    private Object metadata(String metadataJson) {
        if (metadataJson == null) {
            return null;
        }
        try {
            return json.readTree(metadataJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored metadata is not JSON", e);
        }
    }
}
