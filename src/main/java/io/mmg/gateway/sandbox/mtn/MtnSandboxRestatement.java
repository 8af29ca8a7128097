package io.mmg.gateway.sandbox.mtn;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * A correction of what the simulator says about a transaction, from now on, as when MoMo's records of a
 * transaction change after the fact (a reversal at the operator, a late approval): what a reconciliation must find.
 * {@code PATCH /sandbox/control/mtn/transactions/{referenceId}} with {@code {"status", "reason", "amount"}}, any of
 * them: {@code status} SUCCESSFUL, FAILED (with {@code reason}, an MTN ErrorReason, default
 * INTERNAL_PROCESSING_ERROR) or PENDING; {@code amount} what the status body says was paid. No callback is sent.
 */
record MtnSandboxRestatement(String status, MtnErrorReason reason, String amount) {

    private static final Set<String> FIELDS = Set.of("status", "reason", "amount");
    private static final Set<String> STATUSES = Set.of("SUCCESSFUL", "FAILED", "PENDING");

    static MtnSandboxRestatement parse(JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw new IllegalArgumentException("Send a JSON object with status, reason and/or amount");
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("Unknown field " + field + "; allowed: " + FIELDS);
            }
        });
        String status = text(body, "status");
        if (status != null && !STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("status must be one of " + STATUSES);
        }
        String reasonName = text(body, "reason");
        MtnErrorReason reason = reasonName == null ? MtnErrorReason.INTERNAL_PROCESSING_ERROR : reason(reasonName);
        String amount = text(body, "amount");
        String normalised = amount == null ? null : MtnAmount.normalise(amount)
                .orElseThrow(() -> new IllegalArgumentException("amount must be a positive decimal string"));
        return new MtnSandboxRestatement(status == null ? null : status.toUpperCase(Locale.ROOT), reason, normalised);
    }

    MtnSandboxTransaction applyTo(MtnSandboxTransaction transaction, Instant now) {
        MtnSandboxOutcome outcome = status == null ? transaction.outcome() : switch (status) {
            case "SUCCESSFUL" -> MtnSandboxOutcome.SUCCESSFUL;
            case "FAILED" -> MtnSandboxOutcome.failed(reason);
            default -> MtnSandboxOutcome.DELAYED;
        };
        Instant finalAt = status == null ? transaction.finalAt() : outcome.finalStatus() == null ? null : now;
        return transaction.restated(outcome, finalAt, amount == null ? transaction.request().amount() : amount);
    }

    private static MtnErrorReason reason(String name) {
        try {
            return MtnErrorReason.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reason must be an MTN ErrorReason such as NOT_ENOUGH_FUNDS");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText().trim();
    }
}
