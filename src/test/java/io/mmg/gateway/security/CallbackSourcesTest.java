package io.mmg.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallbackSourcesTest {

    @Test
    void an_empty_list_allows_every_source() {
        assertThat(CallbackSources.parse("").allows("203.0.113.9")).isTrue();
        assertThat(CallbackSources.parse(null).isEmpty()).isTrue();
    }

    @Test
    void single_addresses_and_cidr_ranges_are_matched() {
        CallbackSources sources = CallbackSources.parse("196.201.214.200, 196.201.212.0/24 10.0.0.0/7");

        assertThat(sources.allows("196.201.214.200")).isTrue();
        assertThat(sources.allows("196.201.214.201")).isFalse();
        assertThat(sources.allows("196.201.212.138")).isTrue();
        assertThat(sources.allows("11.255.0.1")).isTrue();
        assertThat(sources.allows("12.0.0.1")).isFalse();
    }

    @Test
    void ipv6_is_matched_whatever_its_spelling_and_ipv4_mapped_addresses_as_ipv4() {
        CallbackSources sources = CallbackSources.parse("::1, 2001:db8::/32, 127.0.0.1");

        assertThat(sources.allows("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(sources.allows("2001:0db8:0:0:0:0:0:42")).isTrue();
        assertThat(sources.allows("2001:db9::1")).isFalse();
        assertThat(sources.allows("::ffff:127.0.0.1")).isTrue();
    }

    @Test
    void names_are_never_resolved_and_unreadable_addresses_are_not_allowed() {
        CallbackSources sources = CallbackSources.parse("127.0.0.1");

        assertThat(sources.allows("localhost")).isFalse();
        assertThat(sources.allows("")).isFalse();
        assertThat(sources.allows(null)).isFalse();
        assertThatThrownBy(() -> CallbackSources.parse("callbacks.safaricom.co.ke"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallbackSources.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
