package io.mmg.gateway.provider.mtn;

import io.mmg.gateway.provider.GatewayUrls;
import org.springframework.stereotype.Component;

/** The MTN base URL: gateway.mtn.base-url, or this gateway's own MTN simulator when none is set. */
@Component("mtnEndpoint")
public class MtnEndpoint {

    static final String SANDBOX_PATH = "/sandbox/mtn";

    private final MtnSettings settings;
    private final GatewayUrls urls;

    public MtnEndpoint(MtnSettings settings, GatewayUrls urls) {
        this.settings = settings;
        this.urls = urls;
    }

    public String baseUrl() {
        return urls.providerBaseUrl(settings.baseUrl(), SANDBOX_PATH);
    }
}
