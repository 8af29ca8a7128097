package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/** Settings the gateway refuses to start with (README "Unsafe settings refuse to start"). */
class UnsafeSettingsTest {

    private static final String KEYS = "k1:" + SecretCipherTest.key(1);

    @Test
    void the_default_sandbox_starts() {
        assertThatCode(() -> UnsafeSettings.check(new MockEnvironment())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://proxy.momoapi.mtn.com", "https://sandbox.momodeveloper.mtn.com",
            "http://localhost:8080/other/mtn", "https://evil.example/sandbox/mtn"})
    void the_sandbox_with_an_mtn_base_url_other_than_its_own_simulator_refuses_to_start(String baseUrl) {
        MockEnvironment settings = new MockEnvironment().withProperty("gateway.mtn.base-url", baseUrl);

        assertThatThrownBy(() -> UnsafeSettings.check(settings))
                .isInstanceOfSatisfying(UnsafeConfigurationException.class, refused -> {
                    assertThat(refused.reason()).contains("sandbox is on", "gateway.mtn.base-url", "demo");
                    assertThat(refused.fix()).contains("GATEWAY_SANDBOX_ENABLED=false", "GATEWAY_MTN_BASE_URL");
                });
    }

    @Test
    void the_sandbox_with_a_real_daraja_base_url_refuses_to_start() {
        MockEnvironment settings = new MockEnvironment().withProperty("gateway.mpesa.base-url", "https://api.safaricom.co.ke");

        assertThatThrownBy(() -> UnsafeSettings.check(settings))
                .isInstanceOfSatisfying(UnsafeConfigurationException.class,
                        refused -> assertThat(refused.reason()).contains("gateway.mpesa.base-url", "api.safaricom.co.ke"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/sandbox/mtn", "http://127.0.0.1:9000/sandbox/mtn/",
            "https://gw.example.com/sandbox/mtn"})
    void the_sandbox_may_point_at_its_own_simulator(String baseUrl) {
        MockEnvironment settings = new MockEnvironment().withProperty("gateway.mtn.base-url", baseUrl)
                .withProperty("gateway.public-url", "https://gw.example.com");

        assertThatCode(() -> UnsafeSettings.check(settings)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://pay.example.com", "http://10.0.0.5:8080", "ftp://pay.example.com", "not a url"})
    void outside_the_sandbox_a_public_url_that_is_not_https_refuses_to_start(String publicUrl) {
        MockEnvironment settings = production().withProperty("gateway.public-url", publicUrl);

        assertThatThrownBy(() -> UnsafeSettings.check(settings))
                .isInstanceOfSatisfying(UnsafeConfigurationException.class, refused -> {
                    assertThat(refused.reason()).contains("gateway.public-url", "https");
                    assertThat(refused.fix()).contains("GATEWAY_PUBLIC_URL");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://pay.example.com", "http://localhost:8080", "http://127.0.0.1:8080",
            "http://[::1]:8080"})
    void outside_the_sandbox_https_and_loopback_public_urls_start(String publicUrl) {
        MockEnvironment settings = production().withProperty("gateway.public-url", publicUrl);

        assertThatCode(() -> UnsafeSettings.check(settings)).doesNotThrowAnyException();
    }

    @Test
    void the_sandbox_keeps_its_plain_http_public_url() {
        MockEnvironment settings = new MockEnvironment().withProperty("gateway.public-url", "http://dev-box.local:8080");

        assertThatCode(() -> UnsafeSettings.check(settings)).doesNotThrowAnyException();
    }

    @Test
    void outside_the_sandbox_without_a_key_for_secrets_at_rest_refuses_to_start() {
        MockEnvironment settings = new MockEnvironment().withProperty("gateway.sandbox.enabled", "false")
                .withProperty("gateway.public-url", "https://pay.example.com");

        assertThatThrownBy(() -> UnsafeSettings.check(settings))
                .isInstanceOfSatisfying(UnsafeConfigurationException.class,
                        refused -> assertThat(refused.reason()).contains("gateway.secrets.keys"));
    }

    @Test
    void the_failure_report_is_the_reason_and_the_fix_without_a_stack_trace() {
        UnsafeConfigurationException refused = new UnsafeConfigurationException("what is wrong", "how to fix it");

        var analysis = new UnsafeConfigurationFailureAnalyzer().analyze(new IllegalStateException("wrapped", refused));

        assertThat(analysis.getDescription()).isEqualTo("what is wrong");
        assertThat(analysis.getAction()).isEqualTo("how to fix it");
    }

    private static MockEnvironment production() {
        return new MockEnvironment().withProperty("gateway.sandbox.enabled", "false").withProperty("gateway.secrets.keys", KEYS);
    }
}
