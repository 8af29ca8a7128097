package io.mmg.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.GatewayApplication;
import io.mmg.gateway.support.GatewayHttp;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The simulators as their own process: the same application with the simulators profile serves them alone. */
class SimulatorsProfileTest {

    @Test
    void the_simulators_profile_serves_the_simulators_without_the_gateway() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles(SimulatorsOnly.PROFILE).run("--server.port=0")) {
            GatewayHttp http = new GatewayHttp(((WebServerApplicationContext) context).getWebServer().getPort());

            assertThat(http.get("/sandbox/control/mtn", null).status()).isEqualTo(200);
            assertThat(http.get("/sandbox/control/mpesa", null).status()).isEqualTo(200);
            assertThat(http.get("/api/v1/ping", null).status()).isEqualTo(404);
            assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
            assertThat(context.getBeanNamesForType(CamelContext.class)).isEmpty();
        }
    }
}
