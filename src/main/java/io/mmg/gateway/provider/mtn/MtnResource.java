package io.mmg.gateway.provider.mtn;

import java.util.Optional;

/**
 * The MTN resources that move money (docs/providers.md#mtn-collection, #mtn-disbursement, #mtn-remittance): a payment is created by
 * {@code POST /{product}/v1_0/{resource}} and read back by {@code GET /{product}/v1_0/{resource}/{referenceId}}.
 * They differ only in their path and in the party the phone number is.
 */
public enum MtnResource {
    REQUEST_TO_PAY("requesttopay", "payer"),
    TRANSFER("transfer", "payee"),
    DEPOSIT("deposit", "payee"),
    /** No party: the payee is the refunded collection's payer, named by referenceIdToRefund (docs/providers.md#mtn-disbursement). */
    REFUND("refund", null);

    private final String path;
    private final String party;

    MtnResource(String path, String party) {
        this.path = path;
        this.party = party;
    }

    /** The path segment, also what payment.provider_operation stores. */
    public String path() {
        return path;
    }

    /** {@code payer} or {@code payee}; empty for a refund. */
    public Optional<String> party() {
        return Optional.ofNullable(party);
    }

    public static Optional<MtnResource> ofPath(String path) {
        for (MtnResource resource : values()) {
            if (resource.path.equals(path)) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }
}
