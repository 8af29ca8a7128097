package io.mmg.gateway.provider.mpesa;

import io.mmg.gateway.provider.GatewayUrls;
import org.springframework.stereotype.Component;

/** The Daraja base URL: gateway.mpesa.base-url, or this gateway's own Daraja simulator when none is set. */
@Component("mpesaEndpoint")
public class MpesaEndpoint {

    static final String SANDBOX_PATH = "/sandbox/mpesa";

    private final MpesaSettings settings;
    private final GatewayUrls urls;

    public MpesaEndpoint(MpesaSettings settings, GatewayUrls urls) {
        this.settings = settings;
        this.urls = urls;
    }

    public String baseUrl() {
        return urls.providerBaseUrl(settings.baseUrl(), SANDBOX_PATH);
    }
}
