package io.mmg.gateway.webhook;

import io.mmg.gateway.api.ApiException;
import io.mmg.gateway.api.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * What a webhook endpoint URL may be: absolute http or https with a host, at most {@link #MAX_LENGTH}
 * characters, without credentials (they would sit in the database and in attempt records) or a fragment
 * (never sent). Production endpoints should be https: the body carries payment details.
 */
public final class WebhookUrls {

    static final int MAX_LENGTH = 2048;

    private WebhookUrls() {
    }

    public static String require(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("url is required: the absolute http(s) URL the gateway POSTs events to");
        }
        String trimmed = url.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw invalid("url must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw invalid("url must be an absolute http or https URL (https in production)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("url must not carry credentials; the signature authenticates the gateway");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("url must not have a fragment");
        }
        return trimmed;
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_WEBHOOK_URL, message, Map.of("field", "url"));
    }
}
