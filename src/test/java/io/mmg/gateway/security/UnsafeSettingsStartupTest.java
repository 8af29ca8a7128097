package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The real start: an unsafe setting stops the gateway before anything opens (no port, no database), and the log
 * says why and how to fix it in Spring Boot's failure report, not in a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnsafeSettingsStartupTest {

    @Test
    void the_sandbox_with_a_real_mtn_base_url_does_not_start_and_says_why_and_how_to_fix_it(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplication(GatewayApplication.class).run(
                "--gateway.mtn.base-url=https://proxy.momoapi.mtn.com", "--spring.datasource.url=", "--server.port=0",
                "--spring.main.banner-mode=off"))
                .isInstanceOf(UnsafeConfigurationException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("gateway.mtn.base-url points at MTN itself (proxy.momoapi.mtn.com)")
                .contains("Set GATEWAY_SANDBOX_ENABLED=false")
                .doesNotContain("Mobile Money Gateway (sandbox) is ready");
    }
}
