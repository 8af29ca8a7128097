package io.mmg.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com/webhooks/momo", "http://localhost:8081/hooks?source=gateway",
            "HTTPS://SHOP.EXAMPLE.COM/hooks", "  https://shop.example.com/hooks  "})
    void an_absolute_http_or_https_url_is_accepted(String url) {
        assertThat(WebhookUrls.require(url)).isEqualTo(url.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/webhooks", "shop.example.com/hooks", "ftp://shop.example.com/hooks",
            "mailto:ops@shop.example.com", "https:///hooks", "https://user:secret@shop.example.com/hooks",
            "https://shop.example.com/hooks#top", "https://shop example.com/hooks", "javascript:alert(1)"})
    void anything_else_is_an_invalid_webhook_url(String url) {
        assertThatThrownBy(() -> WebhookUrls.require(url))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_WEBHOOK_URL));
    }

    @Test
    void a_url_longer_than_2048_characters_is_refused() {
        String url = "https://shop.example.com/" + "a".repeat(2048);

        assertThatThrownBy(() -> WebhookUrls.require(url)).isInstanceOf(ApiException.class).hasMessageContaining("2048");
    }
}
