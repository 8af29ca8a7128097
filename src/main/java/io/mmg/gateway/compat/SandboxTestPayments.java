package io.mmg.gateway.compat;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.payment.PaymentRequest;
import io.mmg.gateway.payment.PaymentRequestParser;
import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.payment.ProviderProduct;
import io.mmg.gateway.sandbox.mpesa.MpesaSandboxCustomer;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The M-Pesa checkout API's sandbox test endpoints (routes/compat-mpesa-checkout.yaml). They drive the M-Pesa simulator as a customer
 * would and never touch a payment themselves: a test payment is an ordinary STK push whose customer waits, and a
 * test callback makes the simulator post the STK callback with the outcome asked for, which the gateway then
 * applies like any callback (or not: a final payment never changes). Without the sandbox they do not exist.
 */
@Component("sandboxTestPayments")
public class SandboxTestPayments {

    private static final Logger log = LoggerFactory.getLogger(SandboxTestPayments.class);

    private final ObjectProvider<MpesaSandboxCustomer> customer;
    private final PaymentRequestParser parser;

    public SandboxTestPayments(ObjectProvider<MpesaSandboxCustomer> customer, PaymentRequestParser parser) {
        this.customer = customer;
        this.parser = parser;
    }

    /** Answers 404 NOT_FOUND, as for any path the gateway does not serve, when the sandbox is off. */
    public void requireSandbox() {
        customer();
    }

    /**
     * The STK push this collection request will send waits for a test callback (its callback is held). Checked as
     * the collection will be first, so a request the gateway refuses leaves nothing held.
     */
    public void holdCustomerAnswer(String collectionRequest) {
        PaymentRequest request = parser.parse(collectionRequest, PaymentType.COLLECTION.name());
        if (request.product() == ProviderProduct.MPESA_STK_PUSH) {
            customer().holdNextAnswer(request.msisdn());
        }
    }

    /** select-payment-for-callback.sql parameters for the payment a test callback is about. */
    public Map<String, Object> lookup(String paymentId) {
        try {
            return Map.of("id", UUID.fromString(String.valueOf(paymentId)));
        } catch (IllegalArgumentException e) {
            throw notFound(paymentId);
        }
    }

    /** Makes the simulator's customer answer the payment's STK push with this ResultCode. */
    public void answer(Map<String, Object> row, String resultCode) throws IOException, InterruptedException {
        if (row == null || row.isEmpty() || !ProviderProduct.MPESA_STK_PUSH.routeKey().equals(row.get("provider") + ":" + row.get("product"))) {
            throw notFound(row == null ? null : String.valueOf(row.get("id")));
        }
        if (resultCode == null || !resultCode.matches("\\d{1,9}")) {
            throw ApiException.invalidField("status", "status must be one of the words docs/compatibility.md lists");
        }
        String checkoutRequestId = (String) row.get("provider_reference");
        if (checkoutRequestId == null) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "Daraja has not named this push yet; try again shortly",
                    Map.of("transactionId", row.get("id").toString()));
        }
        int listener = customer().answer(checkoutRequestId, resultCode);
        log.info("Sandbox test callback for payment {}: ResultCode {}, the gateway answered {}", row.get("id"), resultCode,
                listener);
    }

    private MpesaSandboxCustomer customer() {
        MpesaSandboxCustomer sandbox = customer.getIfAvailable();
        if (sandbox == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such endpoint; see /api/v1/openapi.json");
        }
        return sandbox;
    }

    private static ApiException notFound(String id) {
        return new ApiException(ErrorCode.PAYMENT_NOT_FOUND, "No M-Pesa payment with this id",
                Map.of("id", String.valueOf(id)));
    }
}
