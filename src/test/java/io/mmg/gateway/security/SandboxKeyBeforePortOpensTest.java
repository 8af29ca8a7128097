package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayIntegrationTest;
import io.mmg.gateway.support.WhenThePortOpens;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/**
 * On a fresh database the sandbox key is usable from the moment the port opens: the first request after
 * start-up is not refused with 401. (Its own Spring context, hence its own fresh database.)
 */
@GatewayIntegrationTest
@Import(WhenThePortOpens.class)
class SandboxKeyBeforePortOpensTest {

    @Test
    void the_sandbox_key_is_stored_before_the_web_server_accepts_requests() {
        assertThat(WhenThePortOpens.SANDBOX_KEY_KNOWN.get()).isTrue();
    }
}
