package io.mmg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The start-up gate on its own: closed until the application is ready, then out of the way. */
class StartupGateTest {

    private final StartupGate gate = new StartupGate();

    @Test
    void before_the_gateway_is_ready_an_api_request_is_answered_503_with_retry_after() throws Exception {
        MockHttpServletResponse response = pass("POST", "/api/v1/collections");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        JsonNode body = new ObjectMapper().readTree(response.getContentAsString());
        assertThat(body.path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(body.path("error").asText()).contains("starting");
    }

    @Test
    void before_the_gateway_is_ready_health_probes_still_reach_the_actuator() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", "/actuator/health/readiness"), new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void once_the_gateway_is_ready_requests_go_through() throws Exception {
        gate.open();
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("POST", "/api/v1/collections"), response, chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse pass(String method, String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest(method, path), response, chain);
        assertThat(chain.getRequest()).as("passed on").isNull();
        return response;
    }
}
