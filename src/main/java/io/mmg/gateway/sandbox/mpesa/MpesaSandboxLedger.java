package io.mmg.gateway.sandbox.mpesa;

import io.mmg.gateway.sandbox.ConditionalOnSandbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;

/**
 * The sandbox's money movements, in memory and bounded ({@code max-transactions}), found by any of their ids:
 * CheckoutRequestID, ConversationID or receipt, and separately by OriginatorConversationID, which the caller
 * chooses and so could look like anything.
 */
@Component
@ConditionalOnSandbox
public class MpesaSandboxLedger {

    private final Map<String, MpesaSandboxTransaction> byId = new ConcurrentHashMap<>();
    private final Map<String, MpesaSandboxTransaction> byOriginator = new ConcurrentHashMap<>();
    private final Map<String, List<MpesaSandboxTransaction>> pushesByMsisdn = new ConcurrentHashMap<>();
    private final Queue<MpesaSandboxTransaction> oldestFirst = new ConcurrentLinkedQueue<>();
    private final int capacity;
    private int count;   // guarded by this; a ConcurrentLinkedQueue's size() walks the whole queue

    public MpesaSandboxLedger(MpesaSandboxProperties properties) {
        this.capacity = properties.maxTransactions();
    }

    /** False when the OriginatorConversationID was used already (Daraja: 500.002.1001). */
    synchronized boolean add(MpesaSandboxTransaction transaction) {
        if (transaction.originatorConversationId() != null
                && byOriginator.putIfAbsent(transaction.originatorConversationId(), transaction) != null) {
            return false;
        }
        byId.put(transaction.id(), transaction);
        if (transaction.receipt() != null) {
            byId.put(transaction.receipt(), transaction);
        }
        if (transaction.kind() == MpesaSandboxTransaction.Kind.STK_PUSH) {
            pushesByMsisdn.computeIfAbsent(transaction.msisdn(), number -> new ArrayList<>()).add(transaction);
        }
        oldestFirst.add(transaction);
        count++;
        while (count > capacity) {
            forget(oldestFirst.poll());
            count--;
        }
        return true;
    }

    /** Puts a restated transaction in the place of the one it restates; false when that one is gone or changed. */
    synchronized boolean replace(MpesaSandboxTransaction current, MpesaSandboxTransaction restated) {
        if (byId.get(current.id()) != current) {
            return false;
        }
        byId.put(restated.id(), restated);
        if (current.receipt() != null) {
            byId.remove(current.receipt(), current);
        }
        if (restated.receipt() != null) {
            byId.put(restated.receipt(), restated);
        }
        if (current.originatorConversationId() != null) {
            byOriginator.replace(current.originatorConversationId(), current, restated);
        }
        List<MpesaSandboxTransaction> pushes = pushesByMsisdn.get(current.msisdn());
        if (pushes != null && pushes.contains(current)) {
            pushes.set(pushes.indexOf(current), restated);
        }
        if (oldestFirst.remove(current)) {
            oldestFirst.add(restated);
        }
        return true;
    }

    Optional<MpesaSandboxTransaction> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    Optional<MpesaSandboxTransaction> findByOriginator(String originatorConversationId) {
        return Optional.ofNullable(originatorConversationId == null ? null : byOriginator.get(originatorConversationId));
    }

    /** By any id, for developers inspecting the sandbox. */
    Optional<MpesaSandboxTransaction> findAnywhere(String id) {
        return find(id).or(() -> findByOriginator(id));
    }

    /** The STK pushes to a number, newest first. */
    synchronized List<MpesaSandboxTransaction> pushesTo(String msisdn) {
        List<MpesaSandboxTransaction> pushes = new ArrayList<>(pushesByMsisdn.getOrDefault(msisdn, List.of()));
        pushes.sort(Comparator.comparing(MpesaSandboxTransaction::createdAt).reversed());
        return pushes;
    }

    /** Every movement about a number, newest first. */
    List<MpesaSandboxTransaction> about(String msisdn) {
        return oldestFirst.stream().filter(transaction -> msisdn.equals(transaction.msisdn()))
                .sorted(Comparator.comparing(MpesaSandboxTransaction::createdAt).reversed()).toList();
    }

    /** A push to this number that has not ended yet: Daraja cannot lock the subscriber for another (docs/providers.md#daraja-limits). */
    boolean hasPendingPush(String msisdn, Instant now) {
        return pushesTo(msisdn).stream().anyMatch(push -> !push.isFinal(now));
    }

    synchronized int size() {
        return count;
    }

    private void forget(MpesaSandboxTransaction transaction) {
        if (transaction == null) {
            return;
        }
        byId.remove(transaction.id());
        if (transaction.receipt() != null) {
            byId.remove(transaction.receipt());
        }
        if (transaction.originatorConversationId() != null) {
            byOriginator.remove(transaction.originatorConversationId(), transaction);
        }
        List<MpesaSandboxTransaction> pushes = pushesByMsisdn.get(transaction.msisdn());
        if (pushes != null) {
            pushes.remove(transaction);
            if (pushes.isEmpty()) {
                pushesByMsisdn.remove(transaction.msisdn());
            }
        }
    }
}
