package io.mmg.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.sandbox.mtn.MtnSandboxConfiguration;
import io.mmg.gateway.sandbox.mtn.MtnSandboxTransactionController;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

class SandboxDisabledTest {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = SandboxControl.class)
    static class SandboxPackage {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(JacksonAutoConfiguration.class, SandboxPackage.class);

    @Test
    void production_has_no_simulator_and_no_control_api() {
        context.withPropertyValues("gateway.sandbox.enabled=false").run(running -> {
            assertThat(running).doesNotHaveBean(SandboxControlController.class);
            assertThat(running).doesNotHaveBean(MtnSandboxConfiguration.class);
            assertThat(running).doesNotHaveBean(MtnSandboxTransactionController.class);
            assertThat(running).doesNotHaveBean(SandboxCallbackSender.class);
        });
    }

    @Test
    void the_sandbox_is_on_by_default() {
        context.run(running -> {
            assertThat(running).hasNotFailed();
            assertThat(running).hasSingleBean(SandboxControlController.class);
            assertThat(running).hasSingleBean(MtnSandboxTransactionController.class);
        });
    }
}
