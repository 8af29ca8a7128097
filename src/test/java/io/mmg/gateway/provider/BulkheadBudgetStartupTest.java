package io.mmg.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A gateway whose provider bulkheads could hold every request thread does not start, and says why in one line. */
@ExtendWith(OutputCaptureExtension.class)
class BulkheadBudgetStartupTest {

    @Test
    void bulkheads_that_could_take_every_request_thread_stop_the_start_with_one_clear_line(CapturedOutput output) {
        // 3 MTN + 3 M-Pesa products x 8 calls = 48 in flight, for 32 request threads.
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class).profiles("test")
                .run("--server.port=0", "--server.tomcat.threads.max=32"))
                .hasRootCauseInstanceOf(BulkheadBudgetException.class);

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Provider calls in flight could take every request thread: 6 products x max-concurrent-calls "
                        + "(gateway.mtn 8, gateway.mpesa 8) = 48, but server.tomcat.threads.max "
                        + "(GATEWAY_REQUEST_THREADS) is 32; lower the limits or raise the threads")
                .doesNotContain("at io.mmg.gateway.provider.ProviderBulkheads.<init>");
    }
}
