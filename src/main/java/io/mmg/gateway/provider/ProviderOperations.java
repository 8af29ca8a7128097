package io.mmg.gateway.provider;

import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.payment.ProviderProduct;
import io.mmg.gateway.provider.mtn.MtnProduct;
import io.mmg.gateway.provider.mtn.MtnSettings;
import org.springframework.stereotype.Component;

/**
 * Which operation of its provider product carries a new payment, stored with it (payment.provider_operation)
 * so that its status is always asked where it was created, whatever the configuration says later.
 */
@Component("providerOperations")
public class ProviderOperations {

    private final MtnSettings mtn;

    public ProviderOperations(MtnSettings mtn) {
        this.mtn = mtn;
    }

    /** MTN: the resource (requesttopay, transfer, deposit, refund); null for providers with one operation per product. */
    public String forNewPayment(ProviderProduct product, PaymentType type) {
        return switch (product.provider()) {
            case MTN_MOMO -> mtn.resourceFor(MtnProduct.of(product), type).path();
            default -> null;
        };
    }
}
