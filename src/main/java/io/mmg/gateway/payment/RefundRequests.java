package io.mmg.gateway.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.api.ExchangeProperties;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * POST /payments/{id}/refunds: a refund is a payment of its own (type REFUND, linked by original_payment_id)
 * to the original's number, in its currency, through the provider product that carries refunds there
 * (MTN: Disbursement's refund resource; M-Pesa: reversal). Only a SUCCESSFUL COLLECTION can be refunded, and
 * its refunds that may move money (PENDING, UNKNOWN, NEEDS_REVIEW, SUCCESSFUL) never add up to more than it:
 * insert-refund.sql enforces that in the statement that stores the refund; this bean reads the request and
 * explains refusals.
 */
@Component("refundRequests")
public class RefundRequests {

    /** {@code reason} is the former name of {@code note}, still accepted (a payment's reason is why it failed). */
    static final Set<String> FIELDS = Set.of("amount", "note", "reason", "externalId");

    private final PaymentRequestParser parser;
    private final PaymentRows rows;
    private final SupportedProducts supportedProducts;

    public RefundRequests(PaymentRequestParser parser, PaymentRows rows, SupportedProducts supportedProducts) {
        this.parser = parser;
        this.rows = rows;
        this.supportedProducts = supportedProducts;
    }

    /** The payment to refund, as select-payment.sql found it for this client. */
    public Payment original(Map<String, Object> row) {
        return rows.toPayment(row);
    }

    /**
     * The refund as a payment request. {@code amount} is optional (null = all that is left, decided under the
     * original's lock); {@code note} (or its former name {@code reason}) becomes the refund's payer message and payee
     * note.
     */
    public PaymentRequest parse(String body, Payment original) {
        JsonNode root = body == null || body.isBlank() ? JsonNodeFactory.instance.objectNode() : parser.readObject(body);
        PaymentRequestParser.rejectUnknownFields(root, FIELDS);
        JsonNode amountNode = root.get("amount");
        BigDecimal amount = amountNode == null || amountNode.isNull()
                ? null : PaymentRequestParser.positiveAmount(amountNode, original.currency());
        String note = note(root);
        String externalId = PaymentRequestParser.text(root, "externalId", PaymentRequestParser.MAX_EXTERNAL_ID);

        requireRefundable(original.type(), original.status(), original.providerOutcome(), original);
        ProviderProduct product = ProviderProduct.carrying(original.provider(), PaymentType.REFUND)
                .filter(supportedProducts::supports)
                .orElseThrow(() -> new ApiException(ErrorCode.UNSUPPORTED_PROVIDER,
                        original.provider().displayName() + " refunds are not supported",
                        Map.of("provider", original.provider().name(), "type", PaymentType.REFUND.name())));
        String hash = RequestFingerprint.of(String.join("|", PaymentType.REFUND.name(), original.id().toString(),
                amount == null ? "" : amount.stripTrailingZeros().toPlainString(), nullToEmpty(externalId),
                nullToEmpty(note)));
        Country country = Countries.byCode(original.country())
                .orElseThrow(() -> new IllegalStateException("Stored payment has unknown country " + original.country()));
        return new PaymentRequest(PaymentType.REFUND, product, amount, original.currency(), country,
                original.phoneNumber(), externalId, note, note, null, hash);
    }

    private static String note(JsonNode root) {
        String note = PaymentRequestParser.text(root, "note", PaymentRequestParser.MAX_TEXT);
        String formerName = PaymentRequestParser.text(root, "reason", PaymentRequestParser.MAX_TEXT);
        if (note != null && formerName != null) {
            throw ApiException.invalidField("reason", "reason is the former name of note: send only note");
        }
        return note != null ? note : formerName;
    }

    /**
     * After insert-refund.sql: a refused refund was not stored, and its row describes the original as it was
     * under the lock. Says which rule refused it.
     */
    public void requireCreated(Map<String, Object> row, Exchange exchange) {
        if (!Boolean.TRUE.equals(row.get("refund_refused"))) {
            return;
        }
        Payment original = exchange.getProperty(ExchangeProperties.ORIGINAL_PAYMENT, Payment.class);
        requireRefundable(PaymentType.valueOf((String) row.get("original_type")),
                PaymentStatus.valueOf((String) row.get("original_status")),
                (String) row.get("original_provider_outcome"), original);
        BigDecimal requested = exchange.getProperty(ExchangeProperties.REQUEST, PaymentRequest.class).amount();
        throw exceeds(original.id().toString(), (BigDecimal) row.get("original_amount"),
                (BigDecimal) row.get("refunds_total"), requested, original.currency());
    }

    /** A SUCCESSFUL collection, or a CANCELLED one the customer paid after all (docs/cancellation.md). */
    private static void requireRefundable(PaymentType type, PaymentStatus status, String providerOutcome,
                                          Payment original) {
        boolean moneyCameIn = status == PaymentStatus.SUCCESSFUL
                || (status == PaymentStatus.CANCELLED && "SUCCESSFUL".equals(providerOutcome));
        if (type != PaymentType.COLLECTION || !moneyCameIn) {
            String what = type == PaymentType.COLLECTION ? "this collection is " + status : "this payment is a " + type;
            throw new ApiException(ErrorCode.REFUND_NOT_ALLOWED,
                    "Only a SUCCESSFUL collection can be refunded; " + what,
                    Map.of("paymentId", original.id().toString(), "type", type.name(), "status", status.name()));
        }
    }

    private static ApiException exceeds(String paymentId, BigDecimal collected, BigDecimal refunds,
                                        BigDecimal requested, String currency) {
        BigDecimal refundable = collected.subtract(refunds).max(BigDecimal.ZERO);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("paymentId", paymentId);
        details.put("currency", currency);
        details.put("amount", Currencies.format(collected, currency));
        details.put("refundedOrPending", Currencies.format(refunds, currency));
        details.put("refundable", Currencies.format(refundable, currency));
        details.put("requested", requested == null ? null : Currencies.format(requested, currency));
        String message = refundable.signum() == 0
                ? "Nothing is left to refund on this payment"
                : "At most " + Currencies.format(refundable, currency) + " " + currency + " can still be refunded";
        return new ApiException(ErrorCode.REFUND_EXCEEDS_PAYMENT, message, details);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
