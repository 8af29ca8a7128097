package io.mmg.gateway.sandbox.mtn;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;

/**
 * The sandbox's transactions, in memory and bounded ({@code max-transactions}): a long-running developer
 * sandbox or a load test must not exhaust the heap, so the oldest are forgotten and read as unknown (404).
 */
@Component
@ConditionalOnSandbox
public class MtnSandboxLedger {

    /** A reference id is unique per product and resource type (docs/providers.md#mtn-simulator-checks), not globally. */
    private record Key(MtnProduct product, MtnTransactionType type, String referenceId) {
    }

    private final Map<Key, MtnSandboxTransaction> transactions = new ConcurrentHashMap<>();
    private final Queue<Key> oldestFirst = new ConcurrentLinkedQueue<>();
    /** The refunds of each refunded reference id, to check what has been refunded of it already. */
    private final Map<String, Queue<MtnSandboxTransaction>> refundsByOriginal = new ConcurrentHashMap<>();
    private final int capacity;

    public MtnSandboxLedger(MtnSandboxProperties properties) {
        this.capacity = properties.maxTransactions();
    }

    /** False when the reference id was already used for this product and resource (409). */
    boolean add(MtnSandboxTransaction transaction) {
        Key key = new Key(transaction.product(), transaction.type(), transaction.referenceId());
        if (transactions.putIfAbsent(key, transaction) != null) {
            return false;
        }
        oldestFirst.add(key);
        if (transaction.type() == MtnTransactionType.REFUND) {
            refundsByOriginal.computeIfAbsent(originalKey(transaction.request().referenceIdToRefund()),
                    original -> new ConcurrentLinkedQueue<>()).add(transaction);
        }
        while (transactions.size() > capacity) {
            Key oldest = oldestFirst.poll();
            if (oldest == null) {
                break;
            }
            MtnSandboxTransaction evicted = transactions.remove(oldest);
            if (evicted != null && evicted.type() == MtnTransactionType.REFUND) {
                refundsByOriginal.computeIfPresent(originalKey(evicted.request().referenceIdToRefund()),
                        (original, refunds) -> refunds.remove(evicted) && refunds.isEmpty() ? null : refunds);
            }
        }
        return true;
    }

    /** Puts a restated transaction in the place of the one it restates; false when that one is gone or changed. */
    boolean replace(MtnSandboxTransaction current, MtnSandboxTransaction restated) {
        Key key = new Key(current.product(), current.type(), current.referenceId());
        if (!transactions.replace(key, current, restated)) {
            return false;
        }
        if (current.type() == MtnTransactionType.REFUND) {
            Queue<MtnSandboxTransaction> refunds = refundsByOriginal.get(originalKey(current.request().referenceIdToRefund()));
            if (refunds != null && refunds.remove(current)) {
                refunds.add(restated);
            }
        }
        return true;
    }

    /** The refunds this sandbox holds of one refunded reference id. */
    List<MtnSandboxTransaction> refundsOf(String referenceIdToRefund) {
        Queue<MtnSandboxTransaction> refunds = refundsByOriginal.get(originalKey(referenceIdToRefund));
        return refunds == null ? List.of() : List.copyOf(refunds);
    }

    private static String originalKey(String referenceIdToRefund) {
        return referenceIdToRefund.trim().toLowerCase(Locale.ROOT);
    }

    Optional<MtnSandboxTransaction> find(MtnProduct product, MtnTransactionType type, String referenceId) {
        return Optional.ofNullable(transactions.get(new Key(product, type, referenceId)));
    }

    /** A transaction of any product or resource type with this reference id (inspection by developers). */
    Optional<MtnSandboxTransaction> findAnywhere(String referenceId) {
        return transactions.values().stream().filter(t -> t.referenceId().equals(referenceId)).findFirst();
    }

    int size() {
        return transactions.size();
    }
}
