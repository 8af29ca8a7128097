package io.mmg.gateway.provider.mtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.payment.Provider;
import io.mmg.gateway.provider.GatewayUrls;
import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.ProviderConfigurationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One MTN request path for every product, resource and country (docs/providers.md#mtn-hosts, #mtn-authentication, #mtn-collection, #mtn-disbursement, #mtn-remittance). */
class MtnRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MtnSettings.Credentials COLLECTION = new MtnSettings.Credentials("col-key", "col-user", "col-secret");
    private static final MtnSettings.Credentials DISBURSEMENT = new MtnSettings.Credentials("dis-key", "dis-user", "dis-secret");
    private static final MtnSettings.Credentials REMITTANCE = new MtnSettings.Credentials("rem-key", "rem-user", "rem-secret");

    private static MtnRequests requests(String targetEnvironment, Map<String, MtnSettings.Country> countries,
                                        String disbursementResource) {
        MtnSettings settings = new MtnSettings(null, targetEnvironment, null, COLLECTION, DISBURSEMENT, REMITTANCE,
                countries, disbursementResource);
        return new MtnRequests(settings, new GatewayUrls("https://gateway.example.com"), JSON);
    }

    private static Payment payment(PaymentType type, String product, String country, String currency, String amount,
                                   String providerOperation, UUID original) {
        return new Payment(UUID.randomUUID(), UUID.randomUUID(), type, Provider.MTN_MOMO, product, PaymentStatus.PENDING,
                new BigDecimal(amount), currency, country, "256772123456", "order-1", null, null, null, "h", null, null,
                null, null, null, null, original, 0, null, Instant.now(), Instant.now(), null, providerOperation, null);
    }

    private static JsonNode body(ProviderCall call) throws Exception {
        return JSON.readTree(call.body());
    }

    @ParameterizedTest(name = "{0} is {1} {2} with the {3}")
    @CsvSource({
            "COLLECTION, COLLECTION, /collection/v1_0/requesttopay, payer, col-key",
            "DISBURSEMENT, DISBURSEMENT, /disbursement/v1_0/transfer, payee, dis-key",
            "REMITTANCE, REMITTANCE, /remittance/v1_0/transfer, payee, rem-key"})
    void each_product_creates_its_resource_with_its_own_key(PaymentType type, String product, String path, String party,
                                                            String subscriptionKey) throws Exception {
        Payment payment = payment(type, product, "UG", "UGX", "1500.00", null, null);

        ProviderCall call = requests("sandbox", null, null).initiate(payment, "secret");

        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo(path);
        assertThat(call.headers()).containsEntry("Ocp-Apim-Subscription-Key", subscriptionKey)
                .containsEntry("X-Reference-Id", payment.id().toString())
                .containsEntry("X-Target-Environment", "sandbox")
                .containsEntry("X-Callback-Url", "https://gateway.example.com/callbacks/mtn/" + payment.id() + "?token=secret");
        assertThat(body(call).path(party).path("partyId").asText()).isEqualTo("256772123456");
        assertThat(body(call).path("amount").asText()).isEqualTo("1500");
        assertThat(requests("sandbox", null, null).status(payment).path()).isEqualTo(path + "/" + payment.id());
    }

    @Test
    void a_refund_is_a_disbursement_refund_naming_the_refunded_collection() throws Exception {
        UUID original = UUID.randomUUID();
        Payment refund = payment(PaymentType.REFUND, "DISBURSEMENT", "UG", "UGX", "500", "refund", original);

        ProviderCall call = requests("sandbox", null, null).initiate(refund, "secret");

        assertThat(call.path()).isEqualTo("/disbursement/v1_0/refund");
        assertThat(call.headers()).containsEntry("Ocp-Apim-Subscription-Key", "dis-key");
        assertThat(body(call).path("referenceIdToRefund").asText()).isEqualTo(original.toString());
        assertThat(body(call).has("payee")).isFalse();
        assertThat(body(call).path("payerMessage").asText()).isEqualTo("Refund order-1");
        assertThat(requests("sandbox", null, null).status(refund).path()).isEqualTo("/disbursement/v1_0/refund/" + refund.id());
    }

    @Test
    void payouts_can_be_deposits_and_their_status_is_asked_where_they_were_created() {
        MtnSettings depositing = new MtnSettings(null, "sandbox", null, COLLECTION, DISBURSEMENT, REMITTANCE, null, "deposit");
        assertThat(depositing.resourceFor(MtnProduct.DISBURSEMENT, PaymentType.DISBURSEMENT)).isEqualTo(MtnResource.DEPOSIT);
        // Only Disbursement payouts have a deposit; the setting changes nothing else.
        assertThat(depositing.resourceFor(MtnProduct.REMITTANCE, PaymentType.REMITTANCE)).isEqualTo(MtnResource.TRANSFER);
        assertThat(depositing.resourceFor(MtnProduct.DISBURSEMENT, PaymentType.REFUND)).isEqualTo(MtnResource.REFUND);

        // A transfer made before the switch is still asked about at /transfer, a deposit at /deposit.
        MtnRequests afterSwitch = requests("sandbox", null, "deposit");
        Payment transfer = payment(PaymentType.DISBURSEMENT, "DISBURSEMENT", "UG", "UGX", "500", "transfer", null);
        Payment deposit = payment(PaymentType.DISBURSEMENT, "DISBURSEMENT", "UG", "UGX", "500", "deposit", null);
        assertThat(afterSwitch.status(transfer).path()).startsWith("/disbursement/v1_0/transfer/");
        assertThat(afterSwitch.status(deposit).path()).startsWith("/disbursement/v1_0/deposit/");
        assertThat(afterSwitch.initiate(deposit, "s").path()).isEqualTo("/disbursement/v1_0/deposit");
    }

    @Test
    void an_unknown_disbursement_resource_is_refused_at_start_up() {
        assertThatThrownBy(() -> new MtnSettings(null, "sandbox", null, null, null, null, null, "cashtransfer"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transfer or deposit");
    }

    @Test
    void in_the_sandbox_every_country_is_sent_in_eur_to_the_sandbox_environment() throws Exception {
        ProviderCall call = requests("sandbox", null, null)
                .initiate(payment(PaymentType.COLLECTION, "COLLECTION", "GH", "GHS", "12.50", null, null), "s");

        assertThat(call.headers()).containsEntry("X-Target-Environment", "sandbox");
        assertThat(body(call).path("currency").asText()).isEqualTo("EUR");
        assertThat(body(call).path("amount").asText()).isEqualTo("12.5");
    }

    @Test
    void in_production_a_payment_goes_to_its_countrys_environment_in_its_currency() throws Exception {
        ProviderCall call = requests("production", null, null)
                .initiate(payment(PaymentType.DISBURSEMENT, "DISBURSEMENT", "CM", "XAF", "2500", null, null), "s");

        assertThat(call.headers()).containsEntry("X-Target-Environment", "mtncameroon");
        assertThat(body(call).path("currency").asText()).isEqualTo("XAF");
    }

    @Test
    void tokens_and_queries_are_for_one_environment() {
        MtnRequests production = requests("production", null, null);

        assertThat(production.token(MtnProduct.REMITTANCE, "mtnghana").headers())
                .containsEntry("X-Target-Environment", "mtnghana")
                .containsEntry("Ocp-Apim-Subscription-Key", "rem-key")
                .containsEntry("Authorization", "Basic cmVtLXVzZXI6cmVtLXNlY3JldA==");
        assertThat(production.balance(MtnProduct.COLLECTION, "GH").headers()).containsEntry("X-Target-Environment", "mtnghana");
        assertThat(production.balance(MtnProduct.COLLECTION, "GH").path()).isEqualTo("/collection/v1_0/account/balance");
        assertThat(production.accountHolder(MtnProduct.DISBURSEMENT, "233244000000", "GH", false).path())
                .isEqualTo("/disbursement/v1_0/accountholder/msisdn/233244000000/active");
    }

    @Test
    void a_country_without_a_known_environment_is_never_sent_a_guess() {
        MtnRequests production = requests("production", null, null);
        Payment guineaBissau = payment(PaymentType.COLLECTION, "COLLECTION", "GW", "XOF", "1000", null, null);

        assertThatThrownBy(() -> production.initiate(guineaBissau, "s"))
                .isInstanceOf(ProviderConfigurationException.class)
                .hasMessageContaining("gateway.mtn.countries.GW.target-environment");

        MtnRequests configured = requests("production", Map.of("gw", new MtnSettings.Country("mtnguineabissau")), null);
        assertThat(configured.initiate(guineaBissau, "s").headers()).containsEntry("X-Target-Environment", "mtnguineabissau");
    }
}
