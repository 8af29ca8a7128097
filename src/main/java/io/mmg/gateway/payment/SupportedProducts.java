package io.mmg.gateway.payment;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The provider products this build can route to. A product is added here when its routes,
 * mapping beans and simulator exist.
 */
@Component
public class SupportedProducts {

    private final Set<ProviderProduct> supported = EnumSet.of(ProviderProduct.MTN_COLLECTION,
            ProviderProduct.MTN_DISBURSEMENT, ProviderProduct.MTN_REMITTANCE,
            ProviderProduct.MPESA_STK_PUSH, ProviderProduct.MPESA_B2C, ProviderProduct.MPESA_REVERSAL);

    public boolean supports(ProviderProduct product) {
        return supported.contains(product);
    }
}
