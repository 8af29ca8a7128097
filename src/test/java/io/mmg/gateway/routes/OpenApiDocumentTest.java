package io.mmg.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import org.junit.jupiter.api.Test;

/** camel-openapi-java (used without its starter) serves the document of the REST routes at camel.rest.api-context-path. */
class OpenApiDocumentTest extends GatewayApiTest {

    @Test
    void the_openapi_document_describes_the_rest_routes_with_the_configured_title() {
        HttpResponseView document = http.get("/api/v1/openapi.json", null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("info").path("title").asText()).isEqualTo("Mobile Money Gateway API");
        assertThat(document.json().path("paths").has("/api/v1/collections")).isTrue();
    }
}
