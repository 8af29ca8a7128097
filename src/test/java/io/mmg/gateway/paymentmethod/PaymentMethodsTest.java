package io.mmg.gateway.paymentmethod;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import io.mmg.gateway.support.TestMerchants;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET/POST/DELETE /payment-methods: what the gateway offers, and the wallets a merchant saved. */
class PaymentMethodsTest extends GatewayApiTest {

    private HttpResponseView save(String key, String type, String phone, boolean isDefault) {
        return http.post("/api/v1/payment-methods", key, "{\"type\":\"" + type + "\",\"details\":{\"phoneNumber\":\""
                + phone + "\"},\"isDefault\":" + isDefault + "}");
    }

    private String saved(String type, String phone, boolean isDefault) {
        HttpResponseView saved = save(apiKey, type, phone, isDefault);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        return saved.json().path("id").asText();
    }

    private JsonNode savedMethods(String key) {
        return http.get("/api/v1/payment-methods", key).json().path("savedMethods");
    }

    private JsonNode method(String provider) {
        for (JsonNode method : http.get("/api/v1/payment-methods", apiKey).json().path("methods")) {
            if (method.path("provider").asText().equals(provider)) {
                return method;
            }
        }
        throw new AssertionError("No method " + provider);
    }

    private static JsonNode currency(JsonNode method, String currency) {
        for (JsonNode entry : method.path("currencies")) {
            if (entry.path("currency").asText().equals(currency)) {
                return entry;
            }
        }
        throw new AssertionError("No currency " + currency + " in " + method);
    }

    @Test
    void the_offer_lists_each_provider_with_its_payment_types_currencies_countries_and_limits() {
        JsonNode mtn = method("MTN_MOMO");
        assertThat(mtn.path("displayName").asText()).isEqualTo("MTN MoMo");
        assertThat(mtn.path("enabled").asBoolean()).isTrue();
        assertThat(mtn.path("paymentTypes").toString()).isEqualTo("[\"COLLECTION\",\"DISBURSEMENT\",\"REMITTANCE\",\"REFUND\"]");
        JsonNode ugx = currency(mtn, "UGX");
        assertThat(ugx.path("decimals").asInt()).isZero();
        assertThat(ugx.path("limits").toString()).isEqualTo("{\"min\":\"1000\",\"max\":\"4000000\",\"daily\":\"10000000\"}");
        assertThat(ugx.path("countries").get(0).path("country").asText()).isEqualTo("UG");
        assertThat(ugx.path("countries").get(0).path("dialCode").asText()).isEqualTo("256");
        assertThat(currency(mtn, "XOF").path("countries")).extracting(country -> country.path("country").asText())
                .containsExactly("BJ", "CI", "GW");
        assertThat(currency(mtn, "GHS").path("decimals").asInt()).isEqualTo(2);

        JsonNode mpesa = method("MPESA");
        assertThat(mpesa.path("displayName").asText()).isEqualTo("M-Pesa");
        assertThat(mpesa.path("paymentTypes").toString()).isEqualTo("[\"COLLECTION\",\"DISBURSEMENT\",\"REFUND\"]");
        assertThat(mpesa.path("currencies")).hasSize(1);
        assertThat(currency(mpesa, "KES").path("decimals").asInt()).isZero();
    }

    @Test
    void mtns_sandbox_numbers_are_offered_in_euros_while_mtns_sandbox_is_the_target() {
        JsonNode eur = currency(method("MTN_MOMO"), "EUR");

        assertThat(eur.path("countries").get(0).path("country").asText()).isEqualTo("ZZ");
        assertThat(eur.path("countries").get(0).path("dialCode").asText()).isEqualTo("46733123");
    }

    @Test
    void a_wallet_is_saved_with_its_number_normalised_and_listed() {
        HttpResponseView saved = save(apiKey, "mpesa", "+254 712 345 678", false);

        assertThat(saved.status()).isEqualTo(201);
        JsonNode method = saved.json();
        assertThat(method.path("type").asText()).isEqualTo("MPESA");
        assertThat(method.path("displayName").asText()).isEqualTo("M-Pesa");
        assertThat(method.path("details").path("phoneNumber").asText()).isEqualTo("254712345678");
        assertThat(method.path("country").asText()).isEqualTo("KE");
        assertThat(method.path("currency").asText()).isEqualTo("KES");
        assertThat(method.path("isDefault").asBoolean()).isFalse();
        assertThat(savedMethods(apiKey)).extracting(listed -> listed.path("id").asText())
                .containsExactly(method.path("id").asText());
    }

    @Test
    void a_new_default_replaces_the_merchants_previous_default() {
        String first = saved("MTN_MOMO", Phones.uganda(), true);
        String second = saved("MPESA", Phones.kenya(), true);

        JsonNode listed = savedMethods(apiKey);

        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(second);
        assertThat(listed.get(0).path("isDefault").asBoolean()).isTrue();
        assertThat(listed.get(1).path("id").asText()).isEqualTo(first);
        assertThat(listed.get(1).path("isDefault").asBoolean()).isFalse();
    }

    @Test
    void a_saved_method_is_deleted_once() {
        String id = saved("MPESA", Phones.kenya(), true);

        HttpResponseView deleted = http.send("DELETE", "/api/v1/payment-methods/" + id, null,
                Map.of("Authorization", "Bearer " + apiKey));
        HttpResponseView again = http.send("DELETE", "/api/v1/payment-methods/" + id, null,
                Map.of("Authorization", "Bearer " + apiKey));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(savedMethods(apiKey)).isEmpty();
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("code").asText()).isEqualTo("PAYMENT_METHOD_NOT_FOUND");
    }

    @Test
    void the_same_wallet_is_saved_only_once() {
        String phone = Phones.uganda();
        String first = saved("MTN_MOMO", phone, false);

        HttpResponseView again = save(apiKey, "MTN", phone, true);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("PAYMENT_METHOD_EXISTS");
        assertThat(again.json().path("details").path("paymentMethodId").asText()).isEqualTo(first);
        assertThat(savedMethods(apiKey).get(0).path("isDefault").asBoolean()).isFalse();
    }

    @Test
    void a_wallet_is_checked_against_the_country_table_and_its_provider() {
        assertThat(save(apiKey, "MPESA", "12345", false).json().path("code").asText()).isEqualTo("INVALID_PHONE");
        assertThat(save(apiKey, "MPESA", "999123456789", false).json().path("code").asText()).isEqualTo("INVALID_PHONE");
        HttpResponseView wrongProvider = save(apiKey, "MPESA", Phones.uganda(), false);
        assertThat(wrongProvider.status()).isEqualTo(400);
        assertThat(wrongProvider.json().path("code").asText()).isEqualTo("UNSUPPORTED_PROVIDER");
        assertThat(save(apiKey, "AIRTEL", Phones.uganda(), false).json().path("code").asText())
                .isEqualTo("UNSUPPORTED_PROVIDER");
        assertThat(savedMethods(apiKey)).isEmpty();
    }

    @Test
    void a_malformed_request_is_refused_in_the_error_format() {
        String[] bodies = {
                "not json", "[]", "{\"details\":{\"phoneNumber\":\"" + Phones.kenya() + "\"}}",
                "{\"type\":\"MPESA\"}", "{\"type\":\"MPESA\",\"details\":\"254712345678\"}",
                "{\"type\":\"MPESA\",\"details\":{\"phoneNumber\":\"" + Phones.kenya() + "\",\"pin\":\"1234\"}}",
                "{\"type\":\"MPESA\",\"details\":{\"phoneNumber\":\"" + Phones.kenya() + "\"},\"isDefault\":\"yes\"}",
                "{\"type\":\"MPESA\",\"details\":{\"phoneNumber\":\"" + Phones.kenya() + "\"},\"nickname\":\"me\"}"};
        for (String body : bodies) {
            HttpResponseView refused = http.post("/api/v1/payment-methods", apiKey, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().path("code").asText()).as(body).isEqualTo("INVALID_REQUEST");
        }
        assertThat(savedMethods(apiKey)).isEmpty();
    }

    @Test
    void a_merchant_never_sees_nor_deletes_another_merchants_methods() {
        String mine = saved("MPESA", Phones.kenya(), true);
        String other = TestMerchants.newApiKey(clients);

        HttpResponseView deleted = http.send("DELETE", "/api/v1/payment-methods/" + mine, null,
                Map.of("Authorization", "Bearer " + other));

        assertThat(savedMethods(other)).isEmpty();
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(savedMethods(apiKey)).hasSize(1);
    }

    @Test
    void the_methods_need_an_api_key() {
        assertThat(http.get("/api/v1/payment-methods", null).status()).isEqualTo(401);
        assertThat(save(null, "MPESA", Phones.kenya(), false).status()).isEqualTo(401);
    }

    @Test
    void a_collection_can_name_a_saved_method_instead_of_the_number() {
        String phone = Phones.kenya();
        String methodId = saved("MPESA", phone, true);

        HttpResponseView created = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"150\",\"paymentMethodId\":\"" + methodId + "\",\"externalId\":\"inv-9\"}");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("phoneNumber").asText()).isEqualTo(phone);
        assertThat(created.json().path("provider").asText()).isEqualTo("MPESA");
        assertThat(mpesa.latestOf(phone).path("request").path("PhoneNumber").asText()).isEqualTo(phone);
    }

    @Test
    void a_payout_can_name_a_saved_method_too() {
        String phone = Phones.uganda();
        String methodId = saved("MTN_MOMO", phone, false);

        HttpResponseView created = http.post("/api/v1/disbursements", apiKey,
                "{\"amount\":\"2000\",\"paymentMethodId\":\"" + methodId + "\"}");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("phoneNumber").asText()).isEqualTo(phone);
    }

    @Test
    void a_payment_names_either_a_saved_method_or_a_number() {
        String methodId = saved("MPESA", Phones.kenya(), false);

        HttpResponseView both = http.post("/api/v1/collections", apiKey,
                "{\"amount\":\"150\",\"paymentMethodId\":\"" + methodId + "\",\"phoneNumber\":\"" + Phones.kenya() + "\"}");

        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(both.json().path("details").path("field").asText()).isEqualTo("paymentMethodId");
    }

    @Test
    void another_merchants_or_an_unknown_method_cannot_be_paid_with() {
        String other = TestMerchants.newApiKey(clients);
        String othersMethod = save(other, "MPESA", Phones.kenya(), false).json().path("id").asText();

        for (String id : new String[] {othersMethod, UUID.randomUUID().toString(), "nope"}) {
            HttpResponseView refused = http.post("/api/v1/collections", apiKey,
                    "{\"amount\":\"150\",\"paymentMethodId\":\"" + id + "\"}");
            assertThat(refused.status()).as(id).isEqualTo(404);
            assertThat(refused.json().path("code").asText()).isEqualTo("PAYMENT_METHOD_NOT_FOUND");
        }
    }
}
