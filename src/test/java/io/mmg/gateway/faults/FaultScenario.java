package io.mmg.gateway.faults;

import io.mmg.gateway.support.FaultDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One provider fault on its own: merchants send collections while MTN misbehaves, the fault is cleared, the
 * merchants finish (retrying with their keys) and the gateway settles every payment. What the suite then holds
 * against the promises: the merchants' outcomes, the audit, whether the circuit opened and recovered.
 */
final class FaultScenario {

    private static final AtomicInteger SCENARIOS = new AtomicInteger();

    private final String name;
    private final ProviderSide provider;
    private final Merchant merchant;
    private final String prefix;
    private final String phonePrefix;
    private final AtomicInteger probeNumbers = new AtomicInteger();

    final List<Merchant.Placed> orders = new ArrayList<>();
    /** Payments sent to see the circuit: not orders a merchant waits on, but audited with them. */
    final List<Merchant.Placed> probes = new ArrayList<>();
    final Map<String, Object> figures = new LinkedHashMap<>();
    int probesRefusedUnsent;
    int probesSent;
    boolean recovered;
    MoneyAudit audit;

    FaultScenario(String name, ProviderSide provider, Merchant merchant) {
        this.name = name;
        this.provider = provider;
        this.merchant = merchant;
        this.prefix = name + "-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        // Numbers of their own per scenario: MTN's counts per number show what reached it.
        this.phonePrefix = "256771" + (10 + SCENARIOS.incrementAndGet());
    }

    /** The start of this scenario's externalIds (and keys). */
    String prefix() {
        return prefix;
    }

    /** Orders placed by {@code payments} merchants at once; each returns when settled or out of patience. */
    List<Future<Merchant.Placed>> place(ExecutorService merchants, int payments) {
        List<Future<Merchant.Placed>> placed = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            Merchant.Order order = order(String.valueOf(i), i);
            placed.add(merchants.submit(() -> merchant.collect(order, Duration.ofSeconds(90), Duration.ofSeconds(30))));
        }
        return placed;
    }

    /**
     * Sends a payment for a number of its own and tells whether it reached MTN: while the circuit is open it must
     * not (answered at once, nothing sent).
     */
    boolean probeReachesProvider() {
        int n = probeNumbers.incrementAndGet();
        Merchant.Order order = order("probe" + n, 9000 + n);
        Merchant.Placed placed = merchant.collect(order, Duration.ofSeconds(1), Duration.ofSeconds(1));
        probes.add(placed);
        return provider.requests("requesttopay", order.phoneNumber()) > 0;
    }

    /** Checks the circuit a few times while the fault lasts; one probe refused unsent shows it open. */
    void probeCircuit(int times) {
        for (int i = 0; i < times; i++) {
            if (probeReachesProvider()) {
                probesSent++;
            } else {
                probesRefusedUnsent++;
            }
            Merchant.sleep(Duration.ofMillis(400));
        }
    }

    /** After the fault: a new payment goes through to MTN again within the patience. */
    void awaitRecovery(Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (!recovered && Instant.now().isBefore(deadline)) {
            int n = probeNumbers.incrementAndGet();
            Merchant.Order order = order("recovery" + n, 9000 + n);
            Merchant.Placed placed = merchant.collect(order, Duration.ofSeconds(1), Duration.ofSeconds(1));
            probes.add(placed);
            recovered = placed.status() == 202 && provider.requests("requesttopay", order.phoneNumber()) > 0;
            if (!recovered) {
                Merchant.sleep(Duration.ofMillis(500));
            }
        }
    }

    void collect(List<Future<Merchant.Placed>> placed) throws Exception {
        for (Future<Merchant.Placed> outcome : placed) {
            orders.add(outcome.get(3, TimeUnit.MINUTES));
        }
    }

    void audit(FaultDatabase database, Duration patience) {
        audit = MoneyAudit.whenSettled(database, provider, prefix, patience);
        figures.put("orders", orders.size());
        figures.put("settled", orders.stream().filter(Merchant.Placed::settled).count());
        Map<String, Integer> answers = new java.util.TreeMap<>();
        orders.forEach(order -> order.answers().forEach((answer, count) -> answers.merge(answer, count, Integer::sum)));
        figures.put("answers", answers);
        figures.put("probes", probes.size());
        figures.put("probesRefusedUnsent", probesRefusedUnsent);
        figures.put("probesSent", probesSent);
        figures.put("recovered", recovered);
        figures.putAll(audit.figures());
        figures.put("open", audit.openPayments().size());
        figures.put("contradictingProvider", audit.finalStatesContradictingTheProvider().size());
        FaultReport.record("provider-" + name, figures);
    }

    private Merchant.Order order(String suffix, int number) {
        return new Merchant.Order(prefix + suffix, phonePrefix + String.format("%04d", number), "1000", "UGX");
    }

    static ExecutorService merchants(int count) {
        return Executors.newFixedThreadPool(count);
    }
}
