package io.mmg.gateway.sandbox.mtn;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One transaction in the sandbox ledger. Its outcome is fixed at creation; its status is a function of time:
 * PENDING until {@code finalAt}, then the outcome's final status (never, for a DELAYED one).
 *
 * @param party                  the payer or payee shown in the status (for a refund, the refunded payer)
 * @param finalAt                when it leaves PENDING; null = never
 * @param financialTransactionId MoMo's id, shown once SUCCESSFUL; null for deposits and failures
 * @param callbackUrl            where the final status is sent, null when none was asked for
 */
record MtnSandboxTransaction(MtnProduct product, MtnTransactionType type, String referenceId,
                             MtnTransactionRequest request, MtnParty party, MtnSandboxOutcome outcome,
                             Instant finalAt, String financialTransactionId, URI callbackUrl,
                             AtomicBoolean deliveryNotified) {

    String status(Instant now) {
        return finalAt == null || now.isBefore(finalAt) ? "PENDING" : outcome.finalStatus();
    }

    /**
     * The status GET body, also the callback body (docs/providers.md#mtn-status, #mtn-disbursement, #mtn-callbacks). {@code financialTransactionId} only once
     * SUCCESSFUL (and never for a deposit), {@code reason} only when FAILED; amount normalised ("6.0" as "6").
     */
    Map<String, Object> statusBody(Instant now, MtnReasonFormat reasonFormat) {
        String status = status(now);
        Map<String, Object> body = new LinkedHashMap<>();
        if ("SUCCESSFUL".equals(status) && financialTransactionId != null) {
            body.put("financialTransactionId", financialTransactionId);
        }
        putIfPresent(body, "externalId", request.externalId());
        body.put("amount", request.amount());
        body.put("currency", request.currency());
        if (party != null) {
            body.put(type.partyField(), party);
        }
        putIfPresent(body, "payerMessage", request.payerMessage());
        putIfPresent(body, "payeeNote", request.payeeNote());
        request.extraFields().forEach(body::putIfAbsent);
        body.put("status", status);
        if ("FAILED".equals(status)) {
            body.put("reason", reasonFormat == MtnReasonFormat.OBJECT
                    ? MtnErrorBody.of(outcome.reason()) : outcome.reason().name());
        }
        return body;
    }

    /** The same transaction saying something else from now on (a correction, see MtnSandboxRestatement). */
    MtnSandboxTransaction restated(MtnSandboxOutcome newOutcome, Instant newFinalAt, String newAmount) {
        String id = financialTransactionId != null ? financialTransactionId
                : MtnSandboxTransactions.financialTransactionId(type, newOutcome);
        return new MtnSandboxTransaction(product, type, referenceId, request.withAmount(newAmount), party, newOutcome,
                newFinalAt, id, callbackUrl, deliveryNotified);
    }

    private static void putIfPresent(Map<String, Object> body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
