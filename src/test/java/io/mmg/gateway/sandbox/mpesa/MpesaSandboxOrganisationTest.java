package io.mmg.gateway.sandbox.mpesa;

import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.JSON;
import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.b2cBody;
import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.ordinaryMsisdn;
import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.pushBody;
import static io.mmg.gateway.sandbox.mpesa.MpesaSandboxClient.reversalBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.support.HttpResponseView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The asynchronous organisation APIs in the simulator: B2C, reversal, transaction status, balance (docs/providers.md#daraja-b2c, #daraja-transaction-status, #daraja-reversal, #daraja-account-balance). */
class MpesaSandboxOrganisationTest extends MpesaSandboxIntegrationTest {

    private static final String B2C = "/mpesa/b2c/v3/paymentrequest";
    private static final String REVERSAL = "/mpesa/reversal/v1/request";
    private static final String STATUS = "/mpesa/transactionstatus/v1/query";

    @Test
    void a_b2c_payment_is_acknowledged_and_its_result_posted_with_the_receipt_and_balances() throws Exception {
        String originator = UUID.randomUUID().toString();
        HttpResponseView ack = daraja.post(B2C, b2cBody(originator, ordinaryMsisdn(), "10", merchant.url("/result"),
                merchant.url("/timeout")));

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().get("OriginatorConversationID").asText()).isEqualTo(originator);
        assertThat(ack.json().get("ConversationID").asText()).matches("AG_\\d{8}_[0-9a-f]{20}");
        assertThat(ack.json().get("ResponseDescription").asText()).isEqualTo("Accept the service request successfully.");
        JsonNode result = JSON.readTree(merchant.awaitOne("/result").body()).path("Result");
        assertThat(result.get("ResultCode").asInt()).isZero();
        assertThat(result.get("OriginatorConversationID").asText()).isEqualTo(originator);
        Map<String, JsonNode> parameters = parameters(result);
        assertThat(parameters.get("TransactionReceipt").asText()).isEqualTo(result.get("TransactionID").asText());
        assertThat(parameters.get("TransactionAmount").decimalValue()).isEqualByComparingTo("10");
        assertThat(parameters.get("TransactionCompletedDateTime").asText())
                .matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}");
        assertThat(parameters).containsKeys("B2CUtilityAccountAvailableFunds", "B2CRecipientIsRegisteredCustomer");
        assertThat(result.at("/ReferenceData/ReferenceItem/Key").asText()).isEqualTo("QueueTimeoutURL");
    }

    @Test
    void an_originator_conversation_id_is_used_once() {
        Map<String, Object> body = b2cBody(UUID.randomUUID().toString(), ordinaryMsisdn(), "11",
                merchant.url("/r"), merchant.url("/t"));
        daraja.post(B2C, body);

        HttpResponseView again = daraja.post(B2C, body);

        assertThat(again.status()).isEqualTo(500);
        assertThat(again.json().get("errorCode").asText()).isEqualTo("500.002.1001");
    }

    @Test
    void an_initiator_daraja_does_not_know_fails_in_the_result_not_at_once() throws Exception {
        Map<String, Object> body = b2cBody(UUID.randomUUID().toString(), ordinaryMsisdn(), "12",
                merchant.url("/initiator"), merchant.url("/t"));
        body.put("InitiatorName", "stranger");

        assertThat(daraja.post(B2C, body).status()).isEqualTo(200);

        JsonNode result = JSON.readTree(merchant.awaitOne("/initiator").body()).path("Result");
        assertThat(result.get("ResultCode").asInt()).isEqualTo(2001);
        assertThat(result.get("ResultDesc").asText()).isEqualTo("The initiator information is invalid.");
        assertThat(result.has("ResultParameters")).isFalse();
    }

    @Test
    void a_payment_that_times_out_in_the_queue_notifies_the_queue_timeout_url_only() throws Exception {
        String payee = "254712000" + ordinaryMsisdn().substring(9);
        daraja.post(B2C, b2cBody(UUID.randomUUID().toString(), payee, "13", merchant.url("/never"),
                merchant.url("/queue")));

        JsonNode notice = JSON.readTree(merchant.awaitOne("/queue").body()).path("Result");

        assertThat(notice.get("ResultDesc").asText()).contains("timed out");
        assertThat(merchant.received("/never")).isEmpty();
    }

    @Test
    void a_collection_is_reversed_once_and_an_unknown_receipt_not_at_all() throws Exception {
        daraja.post("/mpesa/stkpush/v1/processrequest", pushBody(ordinaryMsisdn(), 50, merchant.url("/paid")));
        String receipt = stkReceipt(JSON.readTree(merchant.awaitOne("/paid").body()));

        daraja.post(REVERSAL, reversalBody(receipt, "50", merchant.url("/first")));
        JsonNode first = JSON.readTree(merchant.awaitOne("/first").body()).path("Result");
        daraja.post(REVERSAL, reversalBody(receipt, "50", merchant.url("/second")));
        JsonNode second = JSON.readTree(merchant.awaitOne("/second").body()).path("Result");
        daraja.post(REVERSAL, reversalBody("QQQ0000000", "50", merchant.url("/unknown")));
        JsonNode unknown = JSON.readTree(merchant.awaitOne("/unknown").body()).path("Result");

        assertThat(first.get("ResultCode").asInt()).isZero();
        assertThat(parameters(first).get("OriginalTransactionID").asText()).isEqualTo(receipt);
        assertThat(second.get("ResultCode").isTextual()).isTrue();
        assertThat(second.get("ResultCode").asText()).isEqualTo("R000001");
        assertThat(unknown.get("ResultCode").asText()).isEqualTo("R000002");
        assertThat(unknown.get("ResultDesc").asText()).isEqualTo("The OriginalTransactionID is invalid.");
    }

    @Test
    void transaction_status_reports_a_known_payment_by_its_originator_conversation_id_and_not_an_unknown_one()
            throws Exception {
        String originator = UUID.randomUUID().toString();
        daraja.post(B2C, b2cBody(originator, ordinaryMsisdn(), "14", merchant.url("/paid"), merchant.url("/t")));
        String receipt = JSON.readTree(merchant.awaitOne("/paid").body()).at("/Result/TransactionID").asText();

        daraja.post(STATUS, statusBody("OriginalConversationID", originator, merchant.url("/known")));
        daraja.post(STATUS, statusBody("OriginalConversationID", "nobody-knows", merchant.url("/unknown")));

        JsonNode known = JSON.readTree(merchant.awaitOne("/known").body()).path("Result");
        JsonNode unknown = JSON.readTree(merchant.awaitOne("/unknown").body()).path("Result");
        assertThat(known.get("ResultCode").asInt()).isZero();
        assertThat(parameters(known).get("TransactionStatus").asText()).isEqualTo("Completed");
        assertThat(parameters(known).get("ReceiptNo").asText()).isEqualTo(receipt);
        assertThat(parameters(known).get("OriginatorConversationID").asText()).isEqualTo(originator);
        assertThat(unknown.get("ResultCode").asText()).isEqualTo("R000002");
    }

    @Test
    void the_account_balance_comes_in_the_result_with_string_result_codes() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Initiator", "testapi");
        body.put("SecurityCredential", MpesaSandboxClient.CREDENTIAL);
        body.put("CommandID", "AccountBalance");
        body.put("PartyA", "600999");
        body.put("IdentifierType", "4");
        body.put("Remarks", "balance");
        body.put("QueueTimeOutURL", merchant.url("/t"));
        body.put("ResultURL", merchant.url("/balance"));

        assertThat(daraja.post("/mpesa/accountbalance/v1/query", body).status()).isEqualTo(200);

        JsonNode result = JSON.readTree(merchant.awaitOne("/balance").body()).path("Result");
        assertThat(result.get("ResultType").isTextual()).isTrue();
        assertThat(result.get("ResultCode").asText()).isEqualTo("0");
        assertThat(parameters(result).get("AccountBalance").asText())
                .contains("Utility Account|KES|10000000.00|").contains("Working Account|KES|");
    }

    private Map<String, Object> statusBody(String key, String value, String resultUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Initiator", "testapi");
        body.put("SecurityCredential", MpesaSandboxClient.CREDENTIAL);
        body.put("CommandID", "TransactionStatusQuery");
        body.put(key, value);
        body.put("PartyA", "600992");
        body.put("IdentifierType", "4");
        body.put("ResultURL", resultUrl);
        body.put("QueueTimeOutURL", resultUrl + "/timeout");
        body.put("Remarks", "status");
        body.put("Occasion", "");
        return body;
    }

    private static String stkReceipt(JsonNode callback) {
        for (JsonNode item : callback.at("/Body/stkCallback/CallbackMetadata/Item")) {
            if ("MpesaReceiptNumber".equals(item.get("Name").asText())) {
                return item.get("Value").asText();
            }
        }
        throw new AssertionError("No receipt in " + callback);
    }

    private static Map<String, JsonNode> parameters(JsonNode result) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode pair : result.at("/ResultParameters/ResultParameter")) {
            if (pair.has("Value")) {
                parameters.put(pair.get("Key").asText(), pair.get("Value"));
            }
        }
        return parameters;
    }
}
