package io.mmg.gateway.live;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One state of a payment as subscribers see it. {@code version} is the id of the payment's latest event row: events
 * are inserted under the payment's row lock, so a later state of one payment always has a higher version, whatever
 * order a notification and a fresh read arrive in.
 */
public record PaymentUpdate(UUID paymentId, String status, String reason, Instant timestamp, long version) {

    /** The message shape of the M-Pesa checkout API adapter (docs/compatibility.md). */
    public static final String MPESA_CHECKOUT = "mpesa-checkout";
    static final Set<String> FINAL = Set.of("SUCCESSFUL", "FAILED", "EXPIRED", "CANCELLED");

    public boolean isFinal() {
        return FINAL.contains(status);
    }

    /** The message in the given shape: the gateway's own (null) or the M-Pesa checkout API's. */
    public Map<String, Object> message(String shape) {
        return MPESA_CHECKOUT.equals(shape) ? mpesaCheckoutMessage() : message();
    }

    /** That API's field names and status words (as its verify answer: pending, completed, failed, expired). */
    private Map<String, Object> mpesaCheckoutMessage() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "PAYMENT_UPDATE");
        message.put("transaction_id", paymentId.toString());
        message.put("status", switch (status) {
            case "SUCCESSFUL" -> "completed";
            case "FAILED" -> "failed";
            case "EXPIRED" -> "expired";
            case "CANCELLED" -> "cancelled";
            default -> "pending";
        });
        message.put("reason", reason);
        message.put("timestamp", timestamp.toString());
        return message;
    }

    /** The message's shape: {type: PAYMENT_UPDATE, paymentId, status, reason, timestamp}. */
    public Map<String, Object> message() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "PAYMENT_UPDATE");
        message.put("paymentId", paymentId.toString());
        message.put("status", status);
        message.put("reason", reason);
        message.put("timestamp", timestamp.toString());
        return message;
    }
}
