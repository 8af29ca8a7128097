package io.mmg.gateway.sandbox.mtn;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
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

    /** A reference id is unique per product and resource type (A13.3), not globally. */
    private record Key(MtnProduct product, MtnTransactionType type, String referenceId) {
    }

    private final Map<Key, MtnSandboxTransaction> transactions = new ConcurrentHashMap<>();
    private final Queue<Key> oldestFirst = new ConcurrentLinkedQueue<>();
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
        while (transactions.size() > capacity) {
            Key oldest = oldestFirst.poll();
            if (oldest == null) {
                break;
            }
            transactions.remove(oldest);
        }
        return true;
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
