package io.mmg.gateway.faults;

import io.mmg.gateway.support.FaultDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Sets the gateway's books (its database) against the provider's (the simulator's ledger and counts): the promises
 * of docs/reliability.md, each as a list of the payments or orders that break it, empty when it holds.
 */
final class MoneyAudit {

    static final Set<String> FINAL = Set.of("SUCCESSFUL", "FAILED", "EXPIRED", "CANCELLED");
    /** Provider reasons of a payment FAILED before it was sent: its merchant may retry the order. */
    static final Set<String> NEVER_SENT = Set.of("BULKHEAD_FULL", "CIRCUIT_OPEN", "CONNECTION_FAILED");

    /** One payment as the gateway stored it. */
    record Stored(String id, String provider, String status, String reason, String providerReason,
                  String externalId) {
    }

    private final List<Stored> payments;
    private final ProviderSide provider;
    private final String orders;
    private final Map<String, String> providerStatus = new HashMap<>();

    private MoneyAudit(List<Stored> payments, ProviderSide provider, String orders) {
        this.payments = payments;
        this.provider = provider;
        this.orders = orders;
    }

    /** Waits (at most {@code patience}) until no payment of the database is open, then audits them all. */
    static MoneyAudit whenSettled(FaultDatabase database, ProviderSide provider, Duration patience) {
        return whenSettled(database, provider, "", patience);
    }

    /** The same for the orders whose externalId starts with {@code orders} (one scenario's). */
    static MoneyAudit whenSettled(FaultDatabase database, ProviderSide provider, String orders, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        List<Stored> payments = read(database, orders);
        while (payments.stream().anyMatch(payment -> !FINAL.contains(payment.status()))
                && Instant.now().isBefore(deadline)) {
            Merchant.sleep(Duration.ofMillis(500));
            payments = read(database, orders);
        }
        return new MoneyAudit(payments, provider, orders);
    }

    /** The references MTN created per externalId, for this audit's orders. */
    private Map<String, Set<String>> created() {
        Map<String, Set<String>> created = new TreeMap<>(provider.createdByExternalId());
        created.keySet().removeIf(externalId -> !externalId.startsWith(orders));
        return created;
    }

    List<Stored> payments() {
        return payments;
    }

    /** The payments that may have reached the provider: all but those FAILED before sending. */
    List<Stored> maybeSent() {
        return payments.stream()
                .filter(payment -> !("FAILED".equals(payment.status()) && NEVER_SENT.contains(payment.providerReason())))
                .toList();
    }

    /** Orders (externalIds) for which MTN created more than one transaction. */
    Map<String, Set<String>> secondCharges() {
        return created().entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** Transactions MTN created that the gateway has no payment for: money moved that nobody follows. */
    List<String> chargesUnknownToTheGateway() {
        Set<String> known = payments.stream().map(Stored::id).collect(Collectors.toSet());
        return created().values().stream().flatMap(Set::stream)
                .filter(reference -> !known.contains(reference)).sorted().toList();
    }

    /** Payment ids a merchant was answered 2xx for that the gateway no longer has. */
    List<String> lostAcceptedPayments(Collection<Merchant.Placed> orders) {
        Set<String> known = payments.stream().map(Stored::id).collect(Collectors.toSet());
        return orders.stream().flatMap(order -> order.acceptedIds().stream())
                .filter(id -> !known.contains(id)).sorted().toList();
    }

    /** Payments still open (PENDING, UNKNOWN, NEEDS_REVIEW, ...). */
    List<String> openPayments() {
        return payments.stream().filter(payment -> !FINAL.contains(payment.status()))
                .map(payment -> payment.id() + " " + payment.status() + " (" + payment.providerReason() + ")")
                .toList();
    }

    /**
     * MTN payments whose final state contradicts MTN: SUCCESSFUL without MTN's success, or FAILED/EXPIRED while MTN
     * holds a success (a maybe-received request written off: the customer paid, the merchant was told it failed).
     */
    List<String> finalStatesContradictingTheProvider() {
        List<String> wrong = new ArrayList<>();
        for (Stored payment : payments) {
            if (!"MTN_MOMO".equals(payment.provider()) || !FINAL.contains(payment.status())) {
                continue;
            }
            String truth = providerStatus(payment.id());
            boolean right = switch (payment.status()) {
                case "SUCCESSFUL" -> "SUCCESSFUL".equals(truth);
                case "FAILED", "EXPIRED", "CANCELLED" -> !"SUCCESSFUL".equals(truth);
                default -> true;
            };
            if (!right) {
                wrong.add(payment.id() + ": gateway " + payment.status() + " " + payment.reason() + "/"
                        + payment.providerReason() + ", MTN " + (truth == null ? "has no such transaction" : truth));
            }
        }
        return wrong;
    }

    /** Payments per status, and MTN's side: transactions created, create requests per reference above one. */
    Map<String, Object> figures() {
        Map<String, Object> figures = new TreeMap<>();
        Map<String, Long> byStatus = payments.stream().collect(Collectors.groupingBy(
                payment -> payment.status() + (payment.providerReason() == null ? "" : " " + payment.providerReason()),
                TreeMap::new, Collectors.counting()));
        figures.put("payments", payments.size());
        figures.put("byStatus", byStatus);
        figures.put("mtnCreated", created().values().stream().mapToInt(Set::size).sum());
        figures.put("secondCharges", secondCharges().size());
        return figures;
    }

    private String providerStatus(String reference) {
        return providerStatus.computeIfAbsent(reference, provider::status);
    }

    static List<Stored> read(FaultDatabase database, String orders) {
        List<Stored> payments = new ArrayList<>();
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT id, provider, status, reason, provider_reason, external_id FROM payment"
                        + " WHERE starts_with(coalesce(external_id, ''), ?)")) {
            statement.setString(1, orders);
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                payments.add(new Stored(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the payments", e);
        }
        return payments;
    }
}
