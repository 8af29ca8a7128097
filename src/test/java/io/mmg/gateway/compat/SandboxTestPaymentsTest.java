package io.mmg.gateway.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import io.mmg.gateway.payment.AmountLimits;
import io.mmg.gateway.payment.PaymentRequestParser;
import io.mmg.gateway.payment.SupportedProducts;
import io.mmg.gateway.provider.mtn.MtnSettings;
import io.mmg.gateway.sandbox.mpesa.MpesaSandboxCustomer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The M-Pesa checkout API's sandbox test endpoints do not exist without the sandbox (gateway.sandbox.enabled=false). */
class SandboxTestPaymentsTest {

    private final SandboxTestPayments withoutSandbox = new SandboxTestPayments(
            new StaticListableBeanFactory().getBeanProvider(MpesaSandboxCustomer.class),
            new PaymentRequestParser(new AmountLimits(Map.of()), new SupportedProducts(),
                    new MtnSettings(null, "sandbox", null, null, null, null)));

    @Test
    void without_the_sandbox_the_test_endpoints_answer_like_a_path_the_gateway_does_not_serve() {
        assertThatThrownBy(withoutSandbox::requireSandbox).isInstanceOfSatisfying(ApiException.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void without_the_sandbox_no_customer_answer_is_held() {
        assertThatThrownBy(() -> withoutSandbox.holdCustomerAnswer("{\"phoneNumber\":\"254712345678\",\"amount\":\"10\",\"provider\":\"MPESA\"}"))
                .isInstanceOf(ApiException.class);
    }
}
