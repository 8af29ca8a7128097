package io.mmg.gateway.mtn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /account-holders/{phoneNumber}: MTN's account-holder check, through the product's own route. */
class AccountHolderTest extends GatewayApiTest {

    private HttpResponseView check(String phoneAndQuery) {
        return http.get("/api/v1/account-holders/" + phoneAndQuery, apiKey);
    }

    @Test
    void an_ordinary_number_is_an_active_wallet() {
        String phone = Phones.uganda();

        HttpResponseView answer = check("+" + phone);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode holder = answer.json();
        assertThat(holder.path("phoneNumber").asText()).isEqualTo(phone);
        assertThat(holder.path("provider").asText()).isEqualTo("MTN_MOMO");
        assertThat(holder.path("country").asText()).isEqualTo("UG");
        assertThat(holder.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(holder.path("active").asBoolean()).isTrue();
        assertThat(holder.has("name")).isFalse();
        assertThat(mtn.requests("collection/accountholder-active", phone)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"46733123450, NOT_FOUND", "46733123451, NOT_ACTIVE"})
    void a_number_mtn_does_not_know_or_that_is_blocked_is_not_active(String phone, String status) {
        JsonNode holder = check(phone).json();

        assertThat(holder.path("status").asText()).isEqualTo(status);
        assertThat(holder.path("active").asBoolean()).isFalse();
    }

    @Test
    void details_add_the_holders_name_from_mtn_kyc() {
        JsonNode holder = check(Phones.uganda() + "?details=true").json();

        assertThat(holder.path("name").path("givenName").asText()).isEqualTo("Sand");
        assertThat(holder.path("name").path("familyName").asText()).isEqualTo("Box");
    }

    @Test
    void the_check_can_go_through_the_disbursement_product() {
        String phone = Phones.uganda();

        assertThat(check(phone + "?product=DISBURSEMENT").json().path("active").asBoolean()).isTrue();

        assertThat(mtn.requests("disbursement/accountholder-active", phone)).isEqualTo(1);
    }

    @Test
    void mtn_being_unavailable_is_a_503_in_the_error_format() {
        HttpResponseView answer = check("46733123455");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().path("code").asText()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(answer.json().path("details").path("providerReason").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void mtn_refusing_the_gateway_is_a_502_in_the_error_format() {
        HttpResponseView answer = check("46733123452");

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().path("code").asText()).isEqualTo("PROVIDER_ERROR");
        assertThat(answer.json().path("details").path("providerReason").asText()).isEqualTo("NOT_ALLOWED");
    }

    @Test
    void bad_questions_are_refused_before_mtn_is_asked() {
        assertThat(check("12345").json().path("code").asText()).isEqualTo("INVALID_PHONE");
        assertThat(check("254712345678").json().path("code").asText()).isEqualTo("UNSUPPORTED_PROVIDER");
        assertThat(check(Phones.uganda() + "?product=LOANS").json().path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(http.get("/api/v1/account-holders/" + Phones.uganda(), null).status()).isEqualTo(401);
    }
}
