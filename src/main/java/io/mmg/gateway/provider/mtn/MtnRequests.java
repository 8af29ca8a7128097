package io.mmg.gateway.provider.mtn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.provider.GatewayUrls;
import io.mmg.gateway.provider.ProviderCall;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Builds MTN MoMo Open API requests for every product and resource (docs/providers.md#mtn-momo-open-api): one code path
 * for Collection, Disbursement and Remittance, parameterised by {@link MtnProduct} and {@link MtnResource}.
 * Our payment id is the X-Reference-Id, so sending the same payment again is safe: MTN answers
 * 409 RESOURCE_ALREADY_EXIST instead of creating a second transaction.
 */
@Component("mtnRequests")
public class MtnRequests {

    /** Operation names of the synchronous queries (see {@link MtnResponses}). */
    public static final String BALANCE = "balance";
    public static final String ACCOUNT_HOLDER_ACTIVE = "accountholder-active";
    public static final String ACCOUNT_HOLDER_INFO = "accountholder-basicuserinfo";
    public static final String TOKEN = "token";
    static final String VERSION = "/v1_0/";

    private final MtnSettings settings;
    private final GatewayUrls urls;
    private final ObjectMapper json;

    public MtnRequests(MtnSettings settings, GatewayUrls urls, ObjectMapper json) {
        this.settings = settings;
        this.urls = urls;
        this.json = json;
    }

    /**
     * Creates the payment's resource with our callback URL: requesttopay (Collection), transfer or deposit
     * (Disbursement, Remittance), refund (Disbursement, naming the refunded collection).
     */
    public ProviderCall initiate(Payment payment, String callbackToken) {
        MtnProduct product = MtnProduct.of(payment.providerProduct());
        MtnResource resource = resourceOf(payment, product);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", payment.amount().stripTrailingZeros().toPlainString());
        body.put("currency", settings.wireCurrency(payment.currency()));
        body.put("externalId", externalId(payment));
        resource.party().ifPresent(party ->
                body.put(party, Map.of("partyIdType", "MSISDN", "partyId", payment.phoneNumber())));
        if (resource == MtnResource.REFUND) {
            // The X-Reference-Id of the request-to-pay being refunded: our id of the original payment (docs/providers.md#mtn-disbursement).
            body.put("referenceIdToRefund", payment.originalPaymentId().toString());
        }
        // An empty payerMessage/payeeNote has been answered with 500 in production (docs/providers.md#mtn-authentication), so never send one.
        body.put("payerMessage", orDefault(payment.payerMessage(), payment));
        body.put("payeeNote", orDefault(payment.payeeNote(), payment));

        Map<String, String> headers = productHeaders(product, settings.targetEnvironmentFor(payment.country()));
        headers.put("X-Reference-Id", payment.id().toString());
        headers.put("X-Callback-Url", callbackUrl(payment, callbackToken));
        headers.put("Content-Type", "application/json");
        return new ProviderCall(ProviderCall.INITIATE, "POST", resourcePath(product, resource), headers, write(body));
    }

    /** GET the status of the resource a payment created. */
    public ProviderCall status(Payment payment) {
        MtnProduct product = MtnProduct.of(payment.providerProduct());
        return new ProviderCall(ProviderCall.STATUS, "GET",
                resourcePath(product, resourceOf(payment, product)) + "/" + payment.id(),
                productHeaders(product, settings.targetEnvironmentFor(payment.country())), null);
    }

    /** The product account's balance in a country's environment (docs/providers.md#mtn-accounts). */
    public ProviderCall balance(MtnProduct product, String countryCode) {
        return new ProviderCall(BALANCE, "GET", "/" + product.path() + VERSION + "account/balance",
                productHeaders(product, settings.targetEnvironmentFor(countryCode)), null);
    }

    /**
     * Is this number an active MoMo wallet ({@code active}, 200 {"result": true|false}, 404 unknown), or its
     * KYC basics ({@code basicuserinfo}) (docs/providers.md#mtn-accounts). The id type is lower case in the path.
     */
    public ProviderCall accountHolder(MtnProduct product, String msisdn, String countryCode, boolean basicUserInfo) {
        return new ProviderCall(basicUserInfo ? ACCOUNT_HOLDER_INFO : ACCOUNT_HOLDER_ACTIVE, "GET",
                "/" + product.path() + VERSION + "accountholder/msisdn/" + msisdn
                        + (basicUserInfo ? "/basicuserinfo" : "/active"),
                productHeaders(product, settings.targetEnvironmentFor(countryCode)), null);
    }

    /**
     * POST /{product}/token/ with the product's API user and key as HTTP Basic (docs/providers.md#mtn-tokens), for one target environment:
     * optional on the legacy platform, mandatory on the new one, so a token is fetched per environment.
     */
    public ProviderCall token(MtnProduct product, String targetEnvironment) {
        MtnSettings.Credentials credentials = settings.credentials(product);
        String basic = Base64.getEncoder().encodeToString(
                (credentials.apiUser() + ":" + credentials.apiKey()).getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Basic " + basic);
        headers.put("Ocp-Apim-Subscription-Key", credentials.subscriptionKey());
        headers.put("X-Target-Environment", targetEnvironment);
        return new ProviderCall(TOKEN, "POST", "/" + product.path() + "/token/", headers, "");
    }

    /** Sandbox provisioning (docs/providers.md#mtn-sandbox-provisioning): create an API user whose callbacks may go to this host. */
    public ProviderCall createApiUser(MtnProduct product, UUID apiUser, String providerCallbackHost) {
        Map<String, String> headers = subscription(product);
        headers.put("X-Reference-Id", apiUser.toString());
        headers.put("Content-Type", "application/json");
        return new ProviderCall("apiuser", "POST", VERSION + "apiuser", headers,
                write(Map.of("providerCallbackHost", providerCallbackHost)));
    }

    /** Sandbox provisioning (docs/providers.md#mtn-sandbox-provisioning): a new API key for an API user (201 {"apiKey": ...}). */
    public ProviderCall createApiKey(MtnProduct product, String apiUser) {
        return new ProviderCall("apikey", "POST", VERSION + "apiuser/" + apiUser + "/apikey", subscription(product), "");
    }

    /** Sandbox provisioning (docs/providers.md#mtn-sandbox-provisioning): the API user's callback host and target environment. */
    public ProviderCall apiUser(MtnProduct product, String apiUser) {
        return new ProviderCall("apiuser-info", "GET", VERSION + "apiuser/" + apiUser, subscription(product), null);
    }

    /** The callback URL carries the payment id and its secret: MTN callbacks are not signed (docs/providers.md#mtn-callbacks). */
    public String callbackUrl(Payment payment, String callbackToken) {
        return urls.publicUrl() + "/callbacks/mtn/" + payment.id() + "?token=" + callbackToken;
    }

    /** The externalId MTN echoes in callbacks: the merchant's reference, or our id. */
    static String externalId(Payment payment) {
        return payment.externalId() != null ? payment.externalId() : payment.id().toString();
    }

    /** Where the payment was created: as stored with it, or (rows older than that column) the type's default. */
    private MtnResource resourceOf(Payment payment, MtnProduct product) {
        return MtnResource.ofPath(payment.providerOperation())
                .orElseGet(() -> product.resourceFor(payment.type(), null));
    }

    private static String resourcePath(MtnProduct product, MtnResource resource) {
        return "/" + product.path() + VERSION + resource.path();
    }

    private Map<String, String> productHeaders(MtnProduct product, String targetEnvironment) {
        Map<String, String> headers = subscription(product);
        headers.put("X-Target-Environment", targetEnvironment);
        return headers;
    }

    private Map<String, String> subscription(MtnProduct product) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Ocp-Apim-Subscription-Key", settings.credentials(product).subscriptionKey());
        return headers;
    }

    private static String orDefault(String text, Payment payment) {
        if (text != null) {
            return text;
        }
        return (payment.type() == PaymentType.REFUND ? "Refund " : "Payment ") + externalId(payment);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
