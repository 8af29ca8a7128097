package io.mmg.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

class ApiContractTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_server_is_the_configured_public_url_else_the_host_the_document_came_from() throws Exception {
        JsonNode configured = json.readTree(new ApiContract(json, "https://pay.example.com/").json());
        JsonNode unset = json.readTree(new ApiContract(json, "").json());

        assertThat(configured.path("servers").get(0).path("url").asText()).isEqualTo("https://pay.example.com");
        assertThat(unset.path("servers").get(0).path("url").asText()).isEqualTo("/");
    }

    @Test
    void the_yaml_and_the_json_are_the_same_document_with_anchors_resolved() throws Exception {
        ApiContract contract = new ApiContract(json, "");
        JsonNode fromJson = json.readTree(contract.json());

        assertThat(new YAMLMapper().readTree(contract.yaml())).isEqualTo(fromJson);
        assertThat(fromJson.at("/paths/~1api~1v1~1disbursements/post/responses/202/$ref").asText())
                .isEqualTo("#/components/responses/PaymentAccepted");
    }

    @Test
    void a_date_in_the_document_stays_text_and_aliases_are_resolved() {
        JsonNode read = json.valueToTree(ApiContract.read("api-contract-dates.yaml"));

        assertThat(read.path("from").isTextual()).isTrue();
        assertThat(read.path("from").asText()).isEqualTo("2026-03-01");
        assertThat(read.path("again")).isEqualTo(read.path("list"));
        assertThat(read.path("flag").isBoolean()).isTrue();
    }
}
