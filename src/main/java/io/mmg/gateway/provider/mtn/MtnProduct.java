package io.mmg.gateway.provider.mtn;

import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.payment.ProviderProduct;
import java.util.List;
import java.util.Map;

/**
 * The three MTN MoMo products and what differs between them on the wire (docs/providers.md#mtn-collection, #mtn-disbursement, #mtn-remittance): the path
 * segment, and which resources carry which payment types. Everything else (token, headers, target environment,
 * callback, status query, error mapping) is one code path for all three.
 */
public enum MtnProduct {
    COLLECTION("collection", Map.of(PaymentType.COLLECTION, List.of(MtnResource.REQUEST_TO_PAY))),
    // A refund of a collection is a Disbursement resource, with the Disbursement key and token (docs/providers.md#mtn-disbursement).
    DISBURSEMENT("disbursement", Map.of(
            PaymentType.DISBURSEMENT, List.of(MtnResource.TRANSFER, MtnResource.DEPOSIT),
            PaymentType.REFUND, List.of(MtnResource.REFUND))),
    REMITTANCE("remittance", Map.of(PaymentType.REMITTANCE, List.of(MtnResource.TRANSFER)));

    private final String path;
    /** Per payment type, the resources that carry it; the first is the default. */
    private final Map<PaymentType, List<MtnResource>> resources;

    MtnProduct(String path, Map<PaymentType, List<MtnResource>> resources) {
        this.path = path;
        this.resources = resources;
    }

    /** Path segment and id used in route names: "collection" gives direct:mtn-collection. */
    public String path() {
        return path;
    }

    /**
     * The resource a new payment of this type is created at: {@code preferred} when this product offers it for
     * the type (Disbursement: deposit instead of transfer), otherwise the product's default.
     */
    public MtnResource resourceFor(PaymentType type, MtnResource preferred) {
        List<MtnResource> offered = resources.get(type);
        if (offered == null) {
            throw new IllegalArgumentException("MTN " + path + " does not carry " + type + " payments");
        }
        return preferred != null && offered.contains(preferred) ? preferred : offered.get(0);
    }

    /** The provider product this is (its route key picks this product's route). */
    public ProviderProduct providerProduct() {
        return switch (this) {
            case COLLECTION -> ProviderProduct.MTN_COLLECTION;
            case DISBURSEMENT -> ProviderProduct.MTN_DISBURSEMENT;
            case REMITTANCE -> ProviderProduct.MTN_REMITTANCE;
        };
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
