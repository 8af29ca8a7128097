package io.mmg.gateway.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a simulator received per transaction reference, and which references it created per {@code externalId}:
 * the provider's side of "never twice". One order ({@code externalId}) with two created references is a second
 * charge, whatever the gateway's records say; two requests about one reference in flight together show two
 * gateway instances (or threads) working on one payment at once.
 */
public final class SandboxReferences {

    /** Bounds the per-reference records (a kilobyte or two each) in a long-running sandbox; later ones are not recorded. */
    static final int MAX_TRACKED_REFERENCES = 20_000;
    /** The same for the references created per externalId (small: one or two ids each). */
    static final int MAX_TRACKED_ORDERS = 200_000;

    private final Map<String, Reference> references = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> createdByExternalId = new ConcurrentHashMap<>();

    void begin(SandboxRequest request) {
        Reference reference = reference(request.reference());
        if (reference != null) {
            reference.begin(request.operation());
        }
    }

    void end(SandboxRequest request) {
        Reference reference = request.reference() == null ? null : references.get(request.reference());
        if (reference != null) {
            reference.end(request.operation());
        }
    }

    /** The simulator created a transaction (the provider now holds it: money may move) for this reference. */
    public void created(String reference, String externalId) {
        Reference record = reference(reference);
        if (record != null) {
            record.created.incrementAndGet();
            record.externalId = externalId;
        }
        if (externalId != null && (createdByExternalId.size() < MAX_TRACKED_ORDERS
                || createdByExternalId.containsKey(externalId))) {
            createdByExternalId.computeIfAbsent(externalId, id -> ConcurrentHashMap.newKeySet()).add(reference);
        }
    }

    /** Per reference: requests per operation, the most of one operation in flight at once, transactions created. */
    public Map<String, Object> references() {
        Map<String, Object> view = new TreeMap<>();
        references.forEach((id, reference) -> view.put(id, reference.describe()));
        return view;
    }

    /** Per {@code externalId}: the references created for it (more than one is a second charge). */
    public Map<String, Set<String>> createdByExternalId() {
        Map<String, Set<String>> view = new TreeMap<>();
        createdByExternalId.forEach((id, created) -> view.put(id, new TreeSet<>(created)));
        return view;
    }

    void reset() {
        references.clear();
        createdByExternalId.clear();
    }

    private Reference reference(String id) {
        if (id == null) {
            return null;
        }
        Reference reference = references.get(id);
        if (reference == null && references.size() < MAX_TRACKED_REFERENCES) {
            reference = references.computeIfAbsent(id, key -> new Reference());
        }
        return reference;
    }

    private static final class Reference {
        private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();
        private final AtomicInteger created = new AtomicInteger();
        private volatile String externalId;

        void begin(String operation) {
            requests.computeIfAbsent(operation, name -> new LongAdder()).increment();
            int now = inFlight.computeIfAbsent(operation, name -> new AtomicInteger()).incrementAndGet();
            mostInFlight.computeIfAbsent(operation, name -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        }

        void end(String operation) {
            AtomicInteger count = inFlight.get(operation);
            if (count != null) {
                count.decrementAndGet();
            }
        }

        Map<String, Object> describe() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("externalId", externalId);
            view.put("created", created.get());
            Map<String, Long> received = new TreeMap<>();
            requests.forEach((operation, count) -> received.put(operation, count.sum()));
            view.put("requests", received);
            Map<String, Integer> concurrent = new TreeMap<>();
            mostInFlight.forEach((operation, most) -> concurrent.put(operation, most.get()));
            view.put("mostInFlight", concurrent);
            return view;
        }
    }
}
