package io.mmg.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The X-Gateway-Signature header, checked against what docs/webhooks.md tells merchants to compute. */
class WebhookSignatureTest {

    private static final String BODY = "{\"id\":\"3f1c\",\"type\":\"payment.succeeded\"}";

    @Test
    void the_signature_is_the_hex_hmac_sha256_of_timestamp_dot_body_with_the_secret() {
        // printf '%s' '1700000000.{"id":"3f1c","type":"payment.succeeded"}' | openssl dgst -sha256 -hmac 'whsec_test_secret'
        assertThat(WebhookSignature.header(1700000000L, BODY, "whsec_test_secret", null))
                .isEqualTo("t=1700000000,v1=dd39395003192e109e39e04a99c7b1764ee0f22f6a684347b985e84353728d5d");
    }

    @Test
    void a_changed_body_timestamp_or_secret_gives_another_signature() {
        String signature = WebhookSignature.sign("whsec_test_secret", 1700000000L, BODY);

        assertThat(WebhookSignature.sign("whsec_test_secret", 1700000000L, BODY.replace("succeeded", "failed")))
                .isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("whsec_test_secret", 1700000001L, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("whsec_other_secret", 1700000000L, BODY)).isNotEqualTo(signature);
    }

    @Test
    void while_a_rotated_secret_is_valid_it_signs_a_second_v1() {
        String header = WebhookSignature.header(1700000000L, BODY, "whsec_new", "whsec_old");

        assertThat(header).isEqualTo("t=1700000000,v1=" + WebhookSignature.sign("whsec_new", 1700000000L, BODY)
                + ",v1=" + WebhookSignature.sign("whsec_old", 1700000000L, BODY));
    }
}
