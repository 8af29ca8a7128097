package io.mmg.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.mmg.gateway.GatewayApplication;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestContextIsolation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A status change made on one instance reaches a page subscribed on another (PostgreSQL LISTEN/NOTIFY): a second
 * gateway on this test's database serves the page, this one takes the provider's callback.
 */
class LiveStatusAcrossInstancesTest extends GatewayApiTest {

    private static ConfigurableApplicationContext secondInstance;

    @Autowired
    HikariDataSource dataSource;

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void a_page_subscribed_on_another_instance_gets_each_change_made_here() throws Exception {
        int otherPort = startSecondInstance();
        String phone = Phones.kenya();
        mpesa.answerLate("stkpush", phone, true);
        String id = collect(phone, "170").json().path("id").asText();
        String token = http.post("/api/v1/payments/" + id + "/client-token", apiKey, "").json().path("token").asText();

        LiveSocket socket = LiveSocket.open("ws://localhost:" + otherPort + "/api/v1/live/payments/" + id, token);
        LiveEventStream stream = LiveEventStream.open("http://localhost:" + otherPort + "/api/v1/live/payments/" + id
                + "/events?token=" + token);
        try {
            assertThat(socket.next().path("status").asText()).isEqualTo("UNKNOWN");
            assertThat(stream.next().path("status").asText()).isEqualTo("UNKNOWN");

            // The callback reaches this instance (the URL it gave Daraja); the pages are on the other one.
            mpesa.resendCallback(mpesa.latestOf(phone).path("id").asText(), "{}");

            assertThat(socket.next().path("status").asText()).isEqualTo("SUCCESSFUL");
            assertThat(stream.next().path("status").asText()).isEqualTo("SUCCESSFUL");
            assertThat(socket.awaitClose()).isEqualTo(1000);
            stream.awaitEnd();
        } finally {
            socket.close();
        }
    }

    /** The same gateway on this test's database; returns its port. */
    private int startSecondInstance() {
        secondInstance = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--" + TestContextIsolation.SHARED_DATABASE + "=true",
                        "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                        "--gateway.mpesa.base-url=" + http.baseUrl() + "/sandbox/mpesa",
                        "--gateway.poller.first-delay=1h");
        return ((WebServerApplicationContext) secondInstance).getWebServer().getPort();
    }
}
