package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayIntegrationTest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * On a fresh database the sandbox key is usable from the moment the port opens: the first request after
 * start-up is not refused with 401. (Its own Spring context, hence its own fresh database.)
 */
@GatewayIntegrationTest
@Import(SandboxKeyBeforePortOpensTest.WhenThePortOpens.class)
class SandboxKeyBeforePortOpensTest {

    static final AtomicReference<Boolean> keyKnownWhenThePortOpened = new AtomicReference<>();

    @Test
    void the_sandbox_key_is_stored_before_the_web_server_accepts_requests() {
        assertThat(keyKnownWhenThePortOpened.get()).isTrue();
    }

    @TestConfiguration
    static class WhenThePortOpens {
        @Bean
        ApplicationListener<WebServerInitializedEvent> sandboxKeyProbe(
                ClientDirectory clients, @Value("${gateway.sandbox.api-key}") String sandboxKey) {
            return event -> keyKnownWhenThePortOpened.set(clients.findByApiKey(sandboxKey).isPresent());
        }
    }
}
