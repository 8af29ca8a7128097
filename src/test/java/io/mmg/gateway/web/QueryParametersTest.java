package io.mmg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.RawHttp;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A query parameter the endpoint does not declare is refused, with the ones it does (web/QueryParameterRule). */
class QueryParametersTest extends GatewayApiTest {

    @Autowired
    CamelContext camel;

    @Test
    void a_misspelt_filter_is_refused_instead_of_returning_everything() {
        HttpResponseView answer = http.get("/api/v1/payments?staus=SUCCESSFUL", apiKey);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(answer.json().path("details").path("unknownParameters").toString()).isEqualTo("[\"staus\"]");
        assertThat(answer.json().path("details").path("allowedParameters").toString()).contains("\"status\"", "\"page\"");
    }

    @Test
    void declared_parameters_are_accepted() {
        collect(Phones.uganda(), "1000");

        HttpResponseView answer = http.get("/api/v1/payments?status=PENDING&type=COLLECTION&page=0&size=5", apiKey);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void an_endpoint_without_parameters_says_it_takes_none() {
        HttpResponseView answer = http.get("/api/v1/payments/" + UUID.randomUUID() + "/events?verbose=true", apiKey);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asText()).contains("takes none");
    }

    @Test
    void a_value_that_cannot_be_decoded_is_refused_not_dropped() {
        RawHttp.Answer answer = new RawHttp(port).send("GET", "/api/v1/payments?status=%zz",
                Map.of("Authorization", "Bearer " + apiKey), null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":\"INVALID_REQUEST\"");
    }

    @Test
    void every_read_endpoint_of_the_api_refuses_an_unknown_parameter() {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        int checked = 0;
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = rest.getPath() + (verb.getPath() == null ? "" : verb.getPath());
                if (!verb.asVerb().equals("get") || !path.startsWith("/api/v1/")) {
                    continue;
                }
                String filled = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());

                HttpResponseView answer = http.get(filled + "?unknownParameter=1", apiKey);

                assertThat(answer.status()).as("%s: %s", filled, answer).isEqualTo(400);
                assertThat(answer.json().path("details").path("unknownParameters").toString())
                        .as(filled).isEqualTo("[\"unknownParameter\"]");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(15);
    }
}
