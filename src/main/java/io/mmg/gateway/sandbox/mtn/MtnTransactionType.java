package io.mmg.gateway.sandbox.mtn;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The money-moving resources, each created by {@code POST /{product}/{version}/{resource}} and read by
 * {@code GET /{product}/{statusVersion}/{resource}/{referenceId}} (docs/providers.md#mtn-collection, #mtn-disbursement, #mtn-remittance). A reference
 * id is unique per product and resource, across its versions (docs/providers.md#mtn-simulator-checks).
 */
public enum MtnTransactionType {
    REQUEST_TO_PAY("requesttopay", "payer", Set.of(MtnProduct.COLLECTION), Set.of("v1_0"), "v1_0", true),
    REQUEST_TO_WITHDRAW("requesttowithdraw", "payer", Set.of(MtnProduct.COLLECTION), Set.of("v1_0", "v2_0"),
            "v1_0", true),
    TRANSFER("transfer", "payee", Set.of(MtnProduct.DISBURSEMENT, MtnProduct.REMITTANCE), Set.of("v1_0"), "v1_0",
            true),
    /** Two independent sandbox samples of a deposit status carry no financialTransactionId (docs/providers.md#mtn-disbursement). */
    DEPOSIT("deposit", "payee", Set.of(MtnProduct.DISBURSEMENT), Set.of("v1_0", "v2_0"), "v1_0", false),
    /** Uses the Disbursement key and token although it refunds a Collection payment (docs/providers.md#mtn-disbursement). */
    REFUND("refund", "payee", Set.of(MtnProduct.DISBURSEMENT), Set.of("v1_0", "v2_0"), "v1_0", true),
    CASH_TRANSFER("cashtransfer", "payee", Set.of(MtnProduct.REMITTANCE), Set.of("v2_0"), "v2_0", true);

    private final String resource;
    private final String partyField;
    private final Set<MtnProduct> products;
    private final Set<String> createVersions;
    private final String statusVersion;
    private final boolean carriesFinancialTransactionId;

    MtnTransactionType(String resource, String partyField, Set<MtnProduct> products, Set<String> createVersions,
                       String statusVersion, boolean carriesFinancialTransactionId) {
        this.resource = resource;
        this.partyField = partyField;
        this.products = products;
        this.createVersions = createVersions;
        this.statusVersion = statusVersion;
        this.carriesFinancialTransactionId = carriesFinancialTransactionId;
    }

    /** The path segment, also the operation name for faults and stats. */
    public String resource() {
        return resource;
    }

    /** The operation name of its status GET. */
    public String statusOperation() {
        return resource + "-status";
    }

    /** {@code payer} or {@code payee}: the party field in the request (refund has none) and in the status. */
    public String partyField() {
        return partyField;
    }

    public boolean carriesFinancialTransactionId() {
        return carriesFinancialTransactionId;
    }

    public boolean isDebit() {
        return this == REQUEST_TO_PAY || this == REQUEST_TO_WITHDRAW;
    }

    static Optional<MtnTransactionType> forCreate(MtnProduct product, String version, String resource) {
        return find(product, resource).filter(type -> type.createVersions.contains(version));
    }

    static Optional<MtnTransactionType> forStatus(MtnProduct product, String version, String resource) {
        return find(product, resource).filter(type -> type.statusVersion.equals(version));
    }

    private static Optional<MtnTransactionType> find(MtnProduct product, String resource) {
        return Arrays.stream(values())
                .filter(type -> type.resource.equals(resource) && type.products.contains(product))
                .findFirst();
    }
}
