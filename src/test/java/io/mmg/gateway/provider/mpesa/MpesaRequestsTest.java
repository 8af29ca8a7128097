package io.mmg.gateway.provider.mpesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.provider.GatewayUrls;
import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.ProviderConfigurationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MpesaRequestsTest {

    private static final String PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MpesaSettings settings = new MpesaSettings("", "key", "secret", null,
            new MpesaSettings.Stk("174379", PASSKEY, null, null, null),
            new MpesaSettings.B2c("600992", "testapi", "Y3JlZA==", null),
            new MpesaSettings.Initiator("reverser", "cmV2"));
    // 06:24:08 UTC is 09:24:08 in Nairobi.
    private final MpesaRequests requests = new MpesaRequests(settings, new GatewayUrls("https://gw.example"), JSON,
            Clock.fixed(Instant.parse("2021-06-28T06:24:08Z"), ZoneOffset.UTC));

    @Test
    void the_password_is_base64_of_shortcode_passkey_and_timestamp_as_in_darajas_sample() {
        assertThat(MpesaRequests.password("174379", PASSKEY, "20210628092408")).isEqualTo(
                "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjEwNjI4MDkyNDA4");
    }

    @Test
    void an_stk_push_is_timestamped_in_kenyan_time_with_the_matching_password_and_short_fields() throws Exception {
        Payment payment = MpesaTestPayments.payment("STK_PUSH", PaymentType.COLLECTION, "100", null,
                "a-very-long-order-reference", "Thank you for shopping", null);

        ProviderCall call = requests.initiate(payment, "secret-token", null);

        JsonNode body = JSON.readTree(call.body());
        assertThat(call.path()).isEqualTo("/mpesa/stkpush/v1/processrequest");
        assertThat(body.get("Timestamp").asText()).isEqualTo("20210628092408");
        assertThat(body.get("Password").asText()).isEqualTo(MpesaRequests.password("174379", PASSKEY, "20210628092408"));
        assertThat(body.get("Amount").isIntegralNumber()).isTrue();
        assertThat(body.get("PartyB").asLong()).isEqualTo(174379);
        assertThat(body.get("AccountReference").asText()).isEqualTo("a-very-long-");
        assertThat(body.get("TransactionDesc").asText()).isEqualTo("Thank you for");
        assertThat(body.get("CallBackURL").asText())
                .isEqualTo("https://gw.example/callbacks/daraja/" + payment.id() + "/stk?token=secret-token");
    }

    @Test
    void a_b2c_payment_names_our_payment_id_as_originator_conversation_id_and_both_result_urls() throws Exception {
        Payment payment = MpesaTestPayments.payment("B2C", PaymentType.DISBURSEMENT, "250", null, "payout-1", null, null);

        JsonNode body = JSON.readTree(requests.initiate(payment, "t", null).body());

        assertThat(body.get("OriginatorConversationID").asText()).isEqualTo(payment.id().toString());
        assertThat(body.get("Amount").asText()).isEqualTo("250");
        assertThat(body.get("PartyA").asText()).isEqualTo("600992");
        assertThat(body.get("Occassion").asText()).isEqualTo("payout-1");
        assertThat(body.get("ResultURL").asText()).endsWith("/" + payment.id() + "/result?token=t");
        assertThat(body.get("QueueTimeOutURL").asText()).endsWith("/" + payment.id() + "/timeout?token=t");
    }

    @Test
    void a_reversal_reverses_the_original_receipt_and_cannot_be_built_without_one() throws Exception {
        Payment original = MpesaTestPayments.payment("STK_PUSH", PaymentType.COLLECTION, "90", "ws_CO_1", null, null,
                "NLJ7RT61SV");
        Payment refund = MpesaTestPayments.payment("REVERSAL", PaymentType.REFUND, "90", null, null, null, null);

        JsonNode body = JSON.readTree(requests.initiate(refund, "t", original).body());

        assertThat(body.get("TransactionID").asText()).isEqualTo("NLJ7RT61SV");
        assertThat(body.get("Initiator").asText()).isEqualTo("reverser");
        assertThat(body.get("ReceiverParty").asText()).isEqualTo("174379");
        assertThat(body.get("RecieverIdentifierType").asText()).isEqualTo("11");
        Payment withoutReceipt = MpesaTestPayments.payment("STK_PUSH", PaymentType.COLLECTION, "90", null, null, null, null);
        assertThatThrownBy(() -> requests.initiate(refund, "t", withoutReceipt))
                .isInstanceOf(ProviderConfigurationException.class);
    }

    @Test
    void daraja_is_asked_by_stk_query_or_transaction_status_and_not_at_all_without_a_reference() throws Exception {
        Payment push = MpesaTestPayments.stkPush("10", "ws_CO_123");
        Payment lostPush = MpesaTestPayments.stkPush("10", null);
        Payment payout = MpesaTestPayments.b2c("10", null);

        ProviderCall query = requests.status(push, null);
        ProviderCall status = requests.status(payout, "status-secret");

        assertThat(query.operation()).isEqualTo(MpesaRequests.STK_QUERY);
        assertThat(JSON.readTree(query.body()).get("CheckoutRequestID").asText()).isEqualTo("ws_CO_123");
        assertThat(requests.status(lostPush, null)).isNull();
        assertThat(requests.newStatusToken(lostPush)).isNull();
        assertThat(requests.newStatusToken(payout)).isNotBlank();
        JsonNode statusBody = JSON.readTree(status.body());
        assertThat(statusBody.get("OriginalConversationID").asText()).isEqualTo(payout.id().toString());
        assertThat(statusBody.get("ResultURL").asText()).endsWith("/status-result?token=status-secret");
    }

    @Test
    void a_transaction_status_query_leaves_the_empty_occasion_out() throws Exception {
        JsonNode body = JSON.readTree(requests.status(MpesaTestPayments.b2c("10", null), "status-secret").body());

        assertThat(body.has("Occasion")).isFalse();
        assertThat(body.has("Occassion")).isFalse();
    }

    @Test
    void a_reversal_sends_an_occasion_only_when_the_refund_has_an_external_id() throws Exception {
        Payment original = MpesaTestPayments.payment("STK_PUSH", PaymentType.COLLECTION, "90", "ws_CO_1", null, null,
                "NLJ7RT61SV");
        Payment anonymous = MpesaTestPayments.payment("REVERSAL", PaymentType.REFUND, "90", null, null, null, null);
        Payment named = MpesaTestPayments.payment("REVERSAL", PaymentType.REFUND, "90", null, "refund-7", null, null);

        JsonNode without = JSON.readTree(requests.initiate(anonymous, "t", original).body());
        JsonNode with = JSON.readTree(requests.initiate(named, "t", original).body());

        assertThat(without.has("Occasion")).isFalse();
        assertThat(with.get("Occasion").asText()).isEqualTo("refund-7");
    }
}
