package io.mmg.gateway.payment;

/**
 * What storing a payment needs to know of the providers' settings. Answered by {@code provider.mtn.MtnSettings}, the
 * only provider whose settings change these answers (M-Pesa has one operation per product and no test numbers), so
 * that this package depends on no provider.
 */
public interface ProviderRules {

    /**
     * Which operation of its provider product carries a new payment, stored with it (payment.provider_operation) so
     * that its status is always asked where it was created, whatever the settings say later. MTN: the resource
     * (requesttopay, transfer, deposit, refund); null for providers with one operation per product.
     */
    String operationFor(ProviderProduct product, PaymentType type);

    /** Whether the MTN sandbox's test numbers ({@link Countries#MTN_SANDBOX}) are payable: only in its sandbox. */
    boolean sandboxNumbersPayable();
}
