package io.mmg.gateway.sandbox.mpesa;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.HttpResponseView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Calls the Daraja simulator over HTTP the way a Daraja client does: Basic then Bearer, JSON bodies. */
final class MpesaSandboxClient {

    static final String CONSUMER_KEY = "sandboxMpesaConsumerKey0123456789";
    static final String CONSUMER_SECRET = "sandboxMpesaSecret01";
    static final String SHORT_CODE = "174379";
    static final String PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    static final String CREDENTIAL = "U2FuZGJveEluaXRpYXRvclBhc3N3b3Jk";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L);

    private final GatewayHttp http;

    MpesaSandboxClient(int port) {
        this.http = new GatewayHttp(port);
    }

    /** A customer number no sandbox rule plays: its pushes and payouts succeed. */
    static String ordinaryMsisdn() {
        return "25473" + String.format("%07d", NEXT.incrementAndGet() % 10_000_000L);
    }

    static String basic(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String timestamp() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }

    static String password(String timestamp) {
        return Base64.getEncoder().encodeToString((SHORT_CODE + PASSKEY + timestamp).getBytes(StandardCharsets.UTF_8));
    }

    /** An STK push body as Daraja's sample has it, for {@code phone} and {@code amount}, results to {@code callbackUrl}. */
    static Map<String, Object> pushBody(String phone, int amount, String callbackUrl) {
        String timestamp = timestamp();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", 174379);
        body.put("Password", password(timestamp));
        body.put("Timestamp", timestamp);
        body.put("TransactionType", "CustomerPayBillOnline");
        body.put("Amount", amount);
        body.put("PartyA", Long.valueOf(phone));
        body.put("PartyB", 174379);
        body.put("PhoneNumber", Long.valueOf(phone));
        body.put("CallBackURL", callbackUrl);
        body.put("AccountReference", "accountref");
        body.put("TransactionDesc", "txndesc");
        return body;
    }

    /** An STK query (docs/providers.md#daraja-stk-query) about a push. */
    static Map<String, Object> stkQueryBody(String checkoutRequestId) {
        String timestamp = timestamp();
        return Map.of("BusinessShortCode", SHORT_CODE, "Password", password(timestamp), "Timestamp", timestamp,
                "CheckoutRequestID", checkoutRequestId);
    }

    static Map<String, Object> b2cBody(String originator, String payee, String amount, String resultUrl,
                                       String timeoutUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("OriginatorConversationID", originator);
        body.put("InitiatorName", "testapi");
        body.put("SecurityCredential", CREDENTIAL);
        body.put("CommandID", "BusinessPayment");
        body.put("Amount", amount);
        body.put("PartyA", "600992");
        body.put("PartyB", payee);
        body.put("Remarks", "remarked");
        body.put("QueueTimeOutURL", timeoutUrl);
        body.put("ResultURL", resultUrl);
        body.put("Occassion", "ChristmasPay");
        return body;
    }

    static Map<String, Object> reversalBody(String receipt, String amount, String resultUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Initiator", "testapi");
        body.put("SecurityCredential", CREDENTIAL);
        body.put("CommandID", "TransactionReversal");
        body.put("TransactionID", receipt);
        body.put("Amount", amount);
        body.put("ReceiverParty", SHORT_CODE);
        body.put("RecieverIdentifierType", "11");
        body.put("ResultURL", resultUrl);
        body.put("QueueTimeOutURL", resultUrl + "/timeout");
        body.put("Remarks", "Refund");
        body.put("Occasion", "");
        return body;
    }

    HttpResponseView send(String method, String path, Map<String, String> headers, String body) {
        return http.send(method, path, body, headers);
    }

    HttpResponseView requestToken(String authorization, String grantType) {
        return send("GET", "/sandbox/mpesa/oauth/v1/generate?grant_type=" + grantType,
                Map.of("Authorization", authorization), null);
    }

    String token() {
        HttpResponseView response = requestToken(basic(CONSUMER_KEY, CONSUMER_SECRET), "client_credentials");
        if (response.status() != 200) {
            throw new IllegalStateException("No token: " + response);
        }
        return response.json().get("access_token").asText();
    }

    /** POST a JSON body to a Daraja path with a fresh Bearer token. */
    HttpResponseView post(String path, Object body) {
        return post(path, body, "Bearer " + token());
    }

    HttpResponseView post(String path, Object body, String authorization) {
        try {
            return send("POST", "/sandbox/mpesa" + path, Map.of("Authorization", authorization,
                    "Content-Type", "application/json"), JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponseView control(String method, String path, String body) {
        return send(method, "/sandbox/control/mpesa" + path, Map.of("Content-Type", "application/json"), body);
    }

    /** Request counts for one operation, overall or for one customer number. */
    long requests(String operation, String msisdn) {
        String query = msisdn == null ? "" : "?msisdn=" + msisdn;
        return control("GET", "/stats" + query, null).json().path("requests").path(operation).asLong(0);
    }
}
