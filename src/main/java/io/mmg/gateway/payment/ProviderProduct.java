package io.mmg.gateway.payment;

import java.util.Optional;

/**
 * A provider's product: the unit that has its own credentials, token cache and circuit breaker.
 * {@link #routeKey()} is what the content-based router switches on.
 */
public enum ProviderProduct {
    MTN_COLLECTION(Provider.MTN_MOMO, "COLLECTION"),
    MTN_DISBURSEMENT(Provider.MTN_MOMO, "DISBURSEMENT"),
    MTN_REMITTANCE(Provider.MTN_MOMO, "REMITTANCE"),
    MPESA_STK_PUSH(Provider.MPESA, "STK_PUSH"),
    MPESA_B2C(Provider.MPESA, "B2C"),
    MPESA_REVERSAL(Provider.MPESA, "REVERSAL");

    private final Provider provider;
    private final String product;

    ProviderProduct(Provider provider, String product) {
        this.provider = provider;
        this.product = product;
    }

    public Provider provider() {
        return provider;
    }

    /** The product name as stored in payment.product. */
    public String product() {
        return product;
    }

    public String routeKey() {
        return provider.name() + ":" + product;
    }

    /** Which product carries a payment type at a provider; empty when the provider has none. */
    public static Optional<ProviderProduct> carrying(Provider provider, PaymentType type) {
        return Optional.ofNullable(switch (provider) {
            case MTN_MOMO -> switch (type) {
                case COLLECTION -> MTN_COLLECTION;
                // MTN refunds a collection through the Disbursement product (docs/providers.md#mtn-disbursement).
                case DISBURSEMENT, REFUND -> MTN_DISBURSEMENT;
                case REMITTANCE -> MTN_REMITTANCE;
            };
            case MPESA -> switch (type) {
                case COLLECTION -> MPESA_STK_PUSH;
                case DISBURSEMENT -> MPESA_B2C;
                case REFUND -> MPESA_REVERSAL;
                case REMITTANCE -> null;
            };
        });
    }

    public static ProviderProduct of(String provider, String product) {
        for (ProviderProduct candidate : values()) {
            if (candidate.provider.name().equals(provider) && candidate.product.equals(product)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown provider product " + provider + ":" + product);
    }
}
