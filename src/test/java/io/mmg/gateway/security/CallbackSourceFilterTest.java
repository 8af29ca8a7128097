package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The allowlist on /callbacks/** (every callback test of the suite also runs through it, from 127.0.0.1). */
class CallbackSourceFilterTest {

    private MockHttpServletResponse call(CallbackSourceFilter filter, String path, String source, MockFilterChain chain)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(source);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void a_callback_from_elsewhere_is_refused_in_the_error_format_and_never_reaches_the_routes() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        MockHttpServletResponse response = call(new CallbackSourceFilter("196.201.214.0/24", false),
                "/callbacks/mpesa/x/stk", "203.0.113.9", chain);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("\"code\":\"CALLBACK_REJECTED\"");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void an_allowed_source_other_paths_and_log_only_mode_go_through() throws Exception {
        MockFilterChain allowed = new MockFilterChain();
        MockFilterChain api = new MockFilterChain();
        MockFilterChain logged = new MockFilterChain();

        call(new CallbackSourceFilter("196.201.214.0/24", false), "/callbacks/mtn/x", "196.201.214.207", allowed);
        call(new CallbackSourceFilter("196.201.214.0/24", false), "/api/v1/collections", "203.0.113.9", api);
        call(new CallbackSourceFilter("196.201.214.0/24", true), "/callbacks/mtn/x", "203.0.113.9", logged);

        assertThat(allowed.getRequest()).isNotNull();
        assertThat(api.getRequest()).isNotNull();
        assertThat(logged.getRequest()).isNotNull();
    }
}
