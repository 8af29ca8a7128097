package io.mmg.gateway.provider.mtn;

import io.mmg.gateway.payment.ProviderProduct;

/**
 * The three MTN MoMo products and the only things that differ between them on the wire
 * (provider-apis.md A5-A7): the path segment, the resource a payment creates and which party
 * the phone number is. Everything else is one code path.
 */
public enum MtnProduct {
    COLLECTION("collection", "requesttopay", "payer"),
    DISBURSEMENT("disbursement", "transfer", "payee"),
    REMITTANCE("remittance", "transfer", "payee");

    private final String path;
    private final String resource;
    private final String party;

    MtnProduct(String path, String resource, String party) {
        this.path = path;
        this.resource = resource;
        this.party = party;
    }

    /** Path segment and id used in route names: "collection" gives direct:mtn-collection. */
    public String path() {
        return path;
    }

    public String resource() {
        return resource;
    }

    public String party() {
        return party;
    }

    public static MtnProduct of(ProviderProduct product) {
        return switch (product) {
            case MTN_COLLECTION -> COLLECTION;
            case MTN_DISBURSEMENT -> DISBURSEMENT;
            case MTN_REMITTANCE -> REMITTANCE;
            default -> throw new IllegalArgumentException(product + " is not an MTN product");
        };
    }

    public static MtnProduct ofPath(String path) {
        for (MtnProduct product : values()) {
            if (product.path.equals(path)) {
                return product;
            }
        }
        throw new IllegalArgumentException("Unknown MTN product " + path);
    }
}
