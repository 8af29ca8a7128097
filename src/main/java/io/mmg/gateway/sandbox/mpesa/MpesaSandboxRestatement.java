package io.mmg.gateway.sandbox.mpesa;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A correction of what the simulator says about an STK push, B2C payment or reversal, from now on, as when
 * M-Pesa's records change after the fact: what a reconciliation must find. {@code PATCH
 * /sandbox/control/mpesa/transactions/{id}} with {@code {"resultCode", "amount"}}, either: {@code resultCode} 0 makes
 * it succeed (with a receipt), any other code fail with it; a pending one ends now. {@code amount} (whole shillings)
 * is what the STK query and Transaction Status report. No callback or Result is sent, and no balance changes.
 */
record MpesaSandboxRestatement(String resultCode, BigDecimal amount) {

    private static final Set<String> FIELDS = Set.of("resultCode", "amount");

    static MpesaSandboxRestatement parse(JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw new IllegalArgumentException("Send a JSON object with resultCode and/or amount");
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("Unknown field " + field + "; allowed: " + FIELDS);
            }
        });
        JsonNode code = body.get("resultCode");
        String resultCode = code == null || code.isNull() ? null : code.asText().trim();
        if (resultCode != null && !resultCode.matches("[A-Za-z0-9_]{1,20}")) {
            throw new IllegalArgumentException("resultCode must be a Daraja ResultCode such as 0, 1032 or 2001");
        }
        JsonNode amount = body.get("amount");
        return new MpesaSandboxRestatement(resultCode, amount == null || amount.isNull() ? null : shillings(amount));
    }

    MpesaSandboxTransaction applyTo(MpesaSandboxTransaction transaction, Instant now) {
        if (resultCode == null) {
            return transaction.restated(transaction.resultCode(), transaction.resultDesc(), transaction.queueTimeout(),
                    transaction.receipt(), amountOf(transaction), transaction.finalAt());
        }
        String code = resultCode.matches("\\d+") ? String.valueOf(Integer.parseInt(resultCode)) : resultCode;
        boolean succeeds = MpesaResultCodes.SUCCESS.equals(code);
        String receipt = !succeeds ? null : transaction.receipt() != null ? transaction.receipt() : MpesaSandboxIds.receipt();
        String description = transaction.kind() == MpesaSandboxTransaction.Kind.STK_PUSH
                ? MpesaResultCodes.stk(code) : MpesaResultCodes.organisation(code);
        Instant finalAt = transaction.isFinal(now) ? transaction.finalAt() : now;
        return transaction.restated(code, description, false, receipt, amountOf(transaction), finalAt);
    }

    private BigDecimal amountOf(MpesaSandboxTransaction transaction) {
        return amount == null ? transaction.amount() : amount;
    }

    private static BigDecimal shillings(JsonNode node) {
        try {
            BigDecimal value = new BigDecimal(node.asText().trim());
            if (value.signum() > 0 && value.stripTrailingZeros().scale() <= 0) {
                return value.stripTrailingZeros().setScale(0);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("amount must be a positive whole number of shillings");
    }
}
