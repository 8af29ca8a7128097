package io.mmg.gateway.sandbox.mtn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MtnSandboxLedgerTest {

    private static MtnSandboxProperties capacity(int maxTransactions) {
        return new MtnSandboxProperties(null, null, null, null, null, null, null, null, null, null, maxTransactions);
    }

    private static MtnSandboxTransaction payment(MtnTransactionType type, String reference) {
        MtnTransactionRequest request = new MtnTransactionRequest("5", "EUR", null, null, null, null, null, Map.of());
        return new MtnSandboxTransaction(MtnProduct.COLLECTION, type, reference, request, null,
                MtnSandboxOutcome.SUCCESSFUL, Instant.now(), null, null, new AtomicBoolean());
    }

    @Test
    void a_reference_is_unique_per_resource_type() {
        MtnSandboxLedger ledger = new MtnSandboxLedger(capacity(10));

        assertThat(ledger.add(payment(MtnTransactionType.REQUEST_TO_PAY, "a"))).isTrue();
        assertThat(ledger.add(payment(MtnTransactionType.REQUEST_TO_PAY, "a"))).isFalse();
        assertThat(ledger.add(payment(MtnTransactionType.REQUEST_TO_WITHDRAW, "a"))).isTrue();
    }

    @Test
    void the_oldest_transactions_are_forgotten_beyond_the_bound() {
        MtnSandboxLedger ledger = new MtnSandboxLedger(capacity(2));

        ledger.add(payment(MtnTransactionType.REQUEST_TO_PAY, "first"));
        ledger.add(payment(MtnTransactionType.REQUEST_TO_PAY, "second"));
        ledger.add(payment(MtnTransactionType.REQUEST_TO_PAY, "third"));

        assertThat(ledger.size()).isEqualTo(2);
        assertThat(ledger.find(MtnProduct.COLLECTION, MtnTransactionType.REQUEST_TO_PAY, "first")).isEmpty();
        assertThat(ledger.find(MtnProduct.COLLECTION, MtnTransactionType.REQUEST_TO_PAY, "third")).isPresent();
    }
}
