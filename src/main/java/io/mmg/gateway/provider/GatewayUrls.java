package io.mmg.gateway.provider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where this gateway can be reached: by providers (callbacks, gateway.public-url) and by itself
 * (the built-in simulators, when no provider base URL is configured). The local port is only known
 * once the web server has started, which matters for tests on a random port.
 */
@Component
public class GatewayUrls {

    private final String configuredPublicUrl;
    private volatile int localPort;

    public GatewayUrls(@Value("${gateway.public-url:}") String configuredPublicUrl) {
        this.configuredPublicUrl = stripTrailingSlash(configuredPublicUrl);
    }

    @EventListener
    public void onWebServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            localPort = event.getWebServer().getPort();
        }
    }

    /** Base URL providers use to reach /callbacks. */
    public String publicUrl() {
        return configuredPublicUrl.isEmpty() ? localUrl() : configuredPublicUrl;
    }

    /** http://localhost:&lt;port&gt; of this process. */
    public String localUrl() {
        if (localPort == 0) {
            throw new IllegalStateException("The web server has not started yet");
        }
        return "http://localhost:" + localPort;
    }

    /** A configured base URL, or this gateway's own simulator under the given path. */
    public String providerBaseUrl(String configured, String sandboxPath) {
        return configured == null || configured.isBlank() ? localUrl() + sandboxPath : stripTrailingSlash(configured);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
