package io.mmg.gateway.provider.mtn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.provider.GatewayUrls;
import io.mmg.gateway.provider.ProviderCall;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Builds MTN MoMo Open API requests for any product (provider-apis.md A2, A4-A7).
 * Our payment id is the X-Reference-Id, so sending the same payment again is safe: MTN answers
 * 409 RESOURCE_ALREADY_EXIST instead of creating a second transaction.
 */
@Component("mtnRequests")
public class MtnRequests {

    private final MtnSettings settings;
    private final GatewayUrls urls;
    private final ObjectMapper json;

    public MtnRequests(MtnSettings settings, GatewayUrls urls, ObjectMapper json) {
        this.settings = settings;
        this.urls = urls;
        this.json = json;
    }

    /** requesttopay (Collection) or transfer (Disbursement, Remittance), with our callback URL. */
    public ProviderCall initiate(Payment payment, String callbackToken) {
        MtnProduct product = MtnProduct.of(payment.providerProduct());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", payment.amount().stripTrailingZeros().toPlainString());
        body.put("currency", settings.wireCurrency(payment.currency()));
        body.put("externalId", externalId(payment));
        body.put(product.party(), Map.of("partyIdType", "MSISDN", "partyId", payment.phoneNumber()));
        // An empty payerMessage/payeeNote has been answered with 500 in production (A2), so never send one.
        body.put("payerMessage", orDefault(payment.payerMessage(), payment));
        body.put("payeeNote", orDefault(payment.payeeNote(), payment));

        Map<String, String> headers = productHeaders(product, payment.country());
        headers.put("X-Reference-Id", payment.id().toString());
        headers.put("X-Callback-Url", callbackUrl(payment, callbackToken));
        headers.put("Content-Type", "application/json");
        return new ProviderCall(ProviderCall.INITIATE, "POST",
                "/" + product.path() + "/v1_0/" + product.resource(), headers, write(body));
    }

    /** GET the status of the resource a payment created. */
    public ProviderCall status(Payment payment) {
        MtnProduct product = MtnProduct.of(payment.providerProduct());
        return new ProviderCall(ProviderCall.STATUS, "GET",
                "/" + product.path() + "/v1_0/" + product.resource() + "/" + payment.id(),
                productHeaders(product, payment.country()), null);
    }

    /** POST /{product}/token/ with the product's API user and key as HTTP Basic (A4). */
    public ProviderCall token(MtnProduct product) {
        MtnSettings.Credentials credentials = settings.credentials(product);
        String basic = Base64.getEncoder().encodeToString(
                (credentials.apiUser() + ":" + credentials.apiKey()).getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Basic " + basic);
        headers.put("Ocp-Apim-Subscription-Key", credentials.subscriptionKey());
        // Optional on the legacy platform, mandatory on the new one (A1, A4).
        headers.put("X-Target-Environment", settings.targetEnvironment());
        return new ProviderCall("token", "POST", "/" + product.path() + "/token/", headers, "");
    }

    /** The callback URL carries the payment id and its secret: MTN callbacks are not signed (A9). */
    public String callbackUrl(Payment payment, String callbackToken) {
        return urls.publicUrl() + "/callbacks/mtn/" + payment.id() + "?token=" + callbackToken;
    }

    /** The externalId MTN echoes in callbacks: the merchant's reference, or our id. */
    static String externalId(Payment payment) {
        return payment.externalId() != null ? payment.externalId() : payment.id().toString();
    }

    private Map<String, String> productHeaders(MtnProduct product, String countryCode) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Ocp-Apim-Subscription-Key", settings.credentials(product).subscriptionKey());
        headers.put("X-Target-Environment", settings.targetEnvironmentFor(countryCode));
        return headers;
    }

    private static String orDefault(String text, Payment payment) {
        return text != null ? text : "Payment " + externalId(payment);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
