package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.security.ApiPaths.Access;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list of who may call which path: closed unless listed. */
class ApiPathsTest {

    final ApiPaths paths = new ApiPaths(List.of("/partner/hooks/**"));

    @Test
    void a_path_nobody_listed_needs_a_merchant_key() {
        assertThat(paths.of("/api/v1/anything-new")).isEqualTo(Access.MERCHANT);
        assertThat(paths.of("/somewhere/else")).isEqualTo(Access.MERCHANT);
    }

    @Test
    void admin_paths_need_the_admin_key_however_their_slashes_are_written() {
        assertThat(paths.of("/api/v1/admin/clients")).isEqualTo(Access.ADMIN);
        assertThat(paths.of("/api/v1//admin/routes/")).isEqualTo(Access.ADMIN);
        assertThat(paths.of("/api/v1/balances")).isEqualTo(Access.ADMIN);
        assertThat(paths.of("/api/v1/administrators")).isEqualTo(Access.MERCHANT);
    }

    @Test
    void the_listed_public_paths_and_their_subpaths_need_no_key() {
        assertThat(paths.of("/api/v1/ping")).isEqualTo(Access.PUBLIC);
        assertThat(paths.of("/api/v1/openapi.json")).isEqualTo(Access.PUBLIC);
        assertThat(paths.of("/callbacks/mtn/123")).isEqualTo(Access.PUBLIC);
        assertThat(paths.of("/api/payment/mpesa-callback/")).isEqualTo(Access.PUBLIC);
        assertThat(paths.of("/partner/hooks/order-paid")).isEqualTo(Access.PUBLIC);
        // Live status: the client token, not an API key (live.ClientTokens).
        assertThat(paths.of("/api/v1/live/payments/0b7a/events")).isEqualTo(Access.PUBLIC);
        assertThat(paths.of("/api/v1/live/other")).isEqualTo(Access.MERCHANT);
        assertThat(paths.of("/api/v1/ping/more")).isEqualTo(Access.MERCHANT);
        assertThat(paths.of("/callbacksfake")).isEqualTo(Access.MERCHANT);
    }

    @Test
    void a_setting_that_would_open_the_gateways_own_api_refuses_to_start() {
        for (String opening : List.of("/**", "/api/**", "/api/v1/**", "/api/v1/admin/**", "/api/v1/collections")) {
            assertThatThrownBy(() -> new ApiPaths(List.of(opening)))
                    .as(opening).isInstanceOf(UnsafeConfigurationException.class);
        }
    }
}
