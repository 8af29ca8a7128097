package io.mmg.gateway.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.provider.ProviderReply;
import io.mmg.gateway.provider.mtn.MtnProduct;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * scripts/mtn-provision.sh: creates an MTN sandbox API user and API key for each product (docs/providers.md#mtn-sandbox-provisioning:
 * POST /v1_0/apiuser with a uuid4 X-Reference-Id and the providerCallbackHost, then POST .../apikey) with the
 * product's subscription key, and prints the environment variables to set. The key cannot be read back later,
 * so it is printed once, on standard output only; everything else goes to standard error.
 *
 * <p>Options: {@code --base-url=} (default gateway.mtn.base-url, else the local gateway's simulator),
 * {@code --callback-host=} (default the host of gateway.public-url), {@code --product=collection,disbursement}
 * (default every product with a subscription key).
 */
public final class MtnProvision {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MtnToolContext context;
    private final PrintStream out;
    private final PrintStream report;

    MtnProvision(MtnToolContext context, PrintStream out, PrintStream report) {
        this.context = context;
        this.out = out;
        this.report = report;
    }

    public static void main(String[] args) {
        System.exit(new MtnProvision(MtnToolContext.load(args), System.out, System.err).run());
    }

    /** 0 when every product got its API user and key. */
    int run() {
        if (!context.settings().isSandbox()) {
            report.println("gateway.mtn.target-environment is '" + context.settings().targetEnvironment()
                    + "': production API users and keys come from MTN's Partner Portal, not from this command.");
            return 2;
        }
        String host = context.callbackHost();
        report.println("MTN sandbox provisioning at " + context.baseUrl() + " (callback host " + host + ")");
        boolean allCreated = true;
        for (MtnProduct product : products()) {
            allCreated &= provision(product, host);
        }
        report.println(allCreated
                ? "Done. Add the lines above to your environment (or .env) and restart the gateway."
                : "Provisioning failed for at least one product; nothing was printed for it.");
        return allCreated ? 0 : 1;
    }

    private boolean provision(MtnProduct product, String host) {
        String name = product.path();
        String subscriptionKey = context.settings().credentials(product).subscriptionKey();
        if (subscriptionKey == null || subscriptionKey.isBlank()) {
            report.println("FAIL  " + name + ": no subscription key (MTN_" + upper(name) + "_SUBSCRIPTION_KEY)");
            return false;
        }
        UUID apiUser = UUID.randomUUID();
        ProviderReply created = context.send(context.requests().createApiUser(product, apiUser, host), null);
        if (created.status() != 201) {
            report.println("FAIL  " + name + ": creating the API user answered " + describe(created));
            return false;
        }
        ProviderReply key = context.send(context.requests().createApiKey(product, apiUser.toString()), null);
        String apiKey = read(key.body()).path("apiKey").asText("");
        if (key.status() != 201 || apiKey.isBlank()) {
            report.println("FAIL  " + name + ": creating the API key answered " + describe(key));
            return false;
        }
        JsonNode user = read(context.send(context.requests().apiUser(product, apiUser.toString()), null).body());
        report.println("OK    " + name + ": API user " + apiUser + " (callback host "
                + user.path("providerCallbackHost").asText(host) + ", target environment "
                + user.path("targetEnvironment").asText("sandbox") + ")");
        out.println("MTN_" + upper(name) + "_API_USER=" + apiUser);
        out.println("MTN_" + upper(name) + "_API_KEY=" + apiKey);
        return true;
    }

    private List<MtnProduct> products() {
        String wanted = context.options().get("product");
        List<MtnProduct> products = new ArrayList<>();
        for (MtnProduct product : MtnProduct.values()) {
            String key = context.settings().credentials(product).subscriptionKey();
            boolean asked = wanted == null ? key != null && !key.isBlank()
                    : List.of(wanted.toLowerCase(Locale.ROOT).split(",")).contains(product.path());
            if (asked) {
                products.add(product);
            }
        }
        return products;
    }

    /** Status and MTN's error code or message; bodies of provisioning errors carry no secrets. */
    static String describe(ProviderReply reply) {
        if (reply.status() == 0) {
            return "no answer (" + reply.body() + ")";
        }
        JsonNode body = read(reply.body());
        String detail = body.path("code").asText(body.path("error").asText(body.path("message").asText("")));
        return reply.status() + (detail.isBlank() ? "" : " " + detail);
    }

    static JsonNode read(String body) {
        try {
            JsonNode node = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
