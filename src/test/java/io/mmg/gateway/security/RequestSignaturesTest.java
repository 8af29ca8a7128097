package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RequestSignaturesTest {

    @Test
    void the_check_value_of_docs_request_signing_is_what_the_gateway_computes() {
        byte[] mac = RequestSignatures.sign("ss_test_secret", "1700000000", "POST", "/api/v1/collections",
                "{\"amount\":\"1000\",\"phoneNumber\":\"256772123456\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("0d11d23c36382070e38cd49db66fdf13ab6f8f5588e3f8f0c7673d7a7f2971a6");
    }

    @Test
    void the_kind_of_call_follows_method_and_path() {
        assertThat(CallKind.of("POST", "/api/v1/collections")).isEqualTo(CallKind.INITIATION);
        assertThat(CallKind.of("POST", "/api/v1/payments/42/refunds")).isEqualTo(CallKind.INITIATION);
        assertThat(CallKind.of("POST", "/api/v1/disbursement-batches")).isEqualTo(CallKind.INITIATION);
        assertThat(CallKind.of("POST", "/api/payment/mpesa/")).isEqualTo(CallKind.INITIATION);
        assertThat(CallKind.of("GET", "/api/v1/collections")).isEqualTo(CallKind.READ);
        assertThat(CallKind.of("POST", "/api/v1/disbursement-batches/42/approve")).isEqualTo(CallKind.READ);
        assertThat(CallKind.of("GET", "/api/v1/payments/42/receipt")).isEqualTo(CallKind.READ);
    }
}
