package io.mmg.gateway.provider.mpesa;

import io.mmg.gateway.payment.ProviderProduct;

/**
 * The three Daraja products the gateway uses, each with its own route and circuit breaker
 * (direct:mpesa-stk-push, ...). Only what differs between them on the wire lives here.
 */
public enum MpesaProduct {
    /** M-Pesa Express: collections (B4-B7). */
    STK_PUSH("stk-push"),
    /** Business to customer: disbursements (B8). */
    B2C("b2c"),
    /** Reversal of a collection: refunds (B10). */
    REVERSAL("reversal");

    private final String path;

    MpesaProduct(String path) {
        this.path = path;
    }

    /** The route name: "stk-push" gives direct:mpesa-stk-push. */
    public String path() {
        return path;
    }

    public static MpesaProduct of(ProviderProduct product) {
        return switch (product) {
            case MPESA_STK_PUSH -> STK_PUSH;
            case MPESA_B2C -> B2C;
            case MPESA_REVERSAL -> REVERSAL;
            default -> throw new IllegalArgumentException(product + " is not an M-Pesa product");
        };
    }
}
