package io.mmg.gateway.support;

import io.mmg.gateway.security.ClientDirectory;
import java.util.UUID;

/** Fresh merchants for tests, made by the gateway's own client directory (nothing mocked). */
public final class TestMerchants {

    private TestMerchants() {
    }

    public static String newApiKey(ClientDirectory clients) {
        return clients.createClient("test-merchant-" + UUID.randomUUID()).apiKey();
    }
}
