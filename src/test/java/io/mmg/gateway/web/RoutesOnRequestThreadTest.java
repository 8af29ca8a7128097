package io.mmg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A route reached over HTTP runs on the web server's request thread and answers from it (RoutesOnRequestThread):
 * no hand-over to a task pool and back. A probe route, added for the test and removed after it, answers with the
 * name of the thread it ran on.
 */
class RoutesOnRequestThreadTest extends GatewayApiTest {

    private static final String PROBE_ROUTE = "test-thread-probe";

    @Autowired
    CamelContext camel;

    @Test
    void a_route_runs_on_the_request_thread_and_the_api_still_answers() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/api/v1/test-only/thread-probe?httpMethodRestrict=GET").routeId(PROBE_ROUTE)
                        .process(exchange -> exchange.getMessage().setBody(Thread.currentThread().getName()));
            }
        });
        try {
            HttpResponseView probe = http.get("/api/v1/test-only/thread-probe", apiKey);

            assertThat(probe.status()).isEqualTo(200);
            assertThat(probe.body()).startsWith("http-nio-");
        } finally {
            camel.getRouteController().stopRoute(PROBE_ROUTE);
            camel.removeRoute(PROBE_ROUTE);
        }

        HttpResponseView collection = collect(Phones.uganda(), "1000");
        assertThat(collection.status()).isEqualTo(202);
        awaitStatus(collection.json().path("id").asText(), "SUCCESSFUL");
    }
}
