package io.mmg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayIntegrationTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.WhenThePortOpens;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/**
 * Between the port opening and the routes starting, a client is told to come back, not that the API does not exist
 * (it was 404 NOT_FOUND for seconds). Shares its context with SandboxKeyBeforePortOpensTest.
 */
@GatewayIntegrationTest
@Import(WhenThePortOpens.class)
class StartupWindowTest {

    @Test
    void a_payment_request_sent_as_the_port_opens_is_answered_503_with_retry_after() {
        HttpResponseView answer = WhenThePortOpens.FIRST_COLLECTION_ANSWER.get();

        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.json().path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(answer.header("Retry-After")).isNotBlank();
    }
}
