package io.mmg.gateway.provider.mpesa;

import io.mmg.gateway.payment.ProviderProduct;

/**
 * The three Daraja products the gateway uses, each with its own route and circuit breaker
 * (direct:mpesa-stk-push, ...). Only what differs between them on the wire lives here.
 */
public enum MpesaProduct {
    /** M-Pesa Express: collections (docs/providers.md#daraja-stk-push, #daraja-stk-query, #daraja-stk-callback, #daraja-stk-result-codes). */
    STK_PUSH("stk-push"),
    /** Business to customer: disbursements (docs/providers.md#daraja-b2c). */
    B2C("b2c"),
    /** Reversal of a collection: refunds (docs/providers.md#daraja-reversal). */
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
