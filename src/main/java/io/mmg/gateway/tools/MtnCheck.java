package io.mmg.gateway.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.mmg.gateway.payment.Countries;
import io.mmg.gateway.payment.Payment;
import io.mmg.gateway.payment.PaymentStatus;
import io.mmg.gateway.payment.PaymentType;
import io.mmg.gateway.payment.PhoneNumbers;
import io.mmg.gateway.payment.Provider;
import io.mmg.gateway.provider.ProviderCall;
import io.mmg.gateway.provider.ProviderReply;
import io.mmg.gateway.provider.mtn.MtnProduct;
import io.mmg.gateway.provider.mtn.MtnSettings;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * scripts/mtn-check.sh: "is my MTN setup right?". With the gateway's own configuration it checks, step by step,
 * what a payment needs (docs/providers.md#mtn-momo-open-api): each product's credentials, its sandbox API user and callback
 * host, an access token per product and environment, a balance call, an account-holder check and, on request,
 * a 1 EUR request-to-pay to a sandbox number followed to its end. One PASS/FAIL line per step; exit code 1
 * when a step failed. Secrets are never printed in full.
 *
 * <p>Options: {@code --base-url=}, {@code --country=UG,GH} (required outside the sandbox: each country has its own
 * environment), {@code --msisdn=} (the account holder to look up; a sandbox number by default),
 * {@code --request-to-pay} (sandbox only), {@code --timeout=60} (seconds to wait for the request-to-pay).
 */
public final class MtnCheck {

    /** "Any other number results in success" in MTN's sandbox, as recorded runs confirm (docs/providers.md#mtn-sandbox). */
    static final String SANDBOX_MSISDN = "56733123452";

    private final MtnToolContext context;
    private final PrintStream out;
    private final Map<String, String> tokens = new HashMap<>();
    private int passed;
    private int failed;

    MtnCheck(MtnToolContext context, PrintStream out) {
        this.context = context;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new MtnCheck(MtnToolContext.load(args), System.out).run());
    }

    /** 0 when every step passed. */
    int run() {
        MtnSettings settings = context.settings();
        Map<String, String> environments = environments();
        out.println("MTN MoMo configuration check");
        out.println("  base URL            " + context.baseUrl());
        out.println("  target environment  " + (settings.isSandbox() ? "sandbox (every amount in EUR)"
                : String.join(", ", environments.values()) + " (each country's currency)"));
        out.println("  callback URL        " + context.publicUrl() + "/callbacks/mtn/... (host " + context.callbackHost() + ")");
        for (MtnProduct product : MtnProduct.values()) {
            MtnSettings.Credentials credentials = settings.credentials(product);
            out.printf("  %-19s subscription key %s, API user %s, API key %s%n", product.path(),
                    MtnToolContext.mask(credentials.subscriptionKey()), MtnToolContext.mask(credentials.apiUser()),
                    MtnToolContext.mask(credentials.apiKey()));
        }
        if (environments.isEmpty()) {
            fail("all", "countries", "outside the sandbox pass --country=UG[,GH,...]: each country has its own "
                    + "X-Target-Environment and account");
        }
        for (MtnProduct product : MtnProduct.values()) {
            if (!configured(product)) {
                fail(product.path(), "credentials", "missing: set MTN_" + product.path().toUpperCase(Locale.ROOT)
                        + "_SUBSCRIPTION_KEY, _API_USER and _API_KEY");
                continue;
            }
            if (settings.isSandbox()) {
                checkApiUser(product);
            }
            environments.forEach((country, environment) -> {
                if (checkToken(product, environment)) {
                    checkBalance(product, country, environment);
                }
            });
        }
        checkAccountHolder(environments);
        if (context.options().containsKey("request-to-pay")) {
            checkRequestToPay();
        }
        out.println("Result: " + passed + " passed, " + failed + " failed"
                + (failed == 0 ? ": the MTN setup works." : ": see the FAIL lines above."));
        return failed == 0 ? 0 : 1;
    }

    /** Country code to X-Target-Environment: the sandbox's one, or the countries asked for. */
    private Map<String, String> environments() {
        Map<String, String> environments = new LinkedHashMap<>();
        if (context.settings().isSandbox()) {
            environments.put(Countries.MTN_SANDBOX.code(), MtnSettings.SANDBOX);
            return environments;
        }
        String countries = context.options().getOrDefault("country", "");
        for (String code : countries.toUpperCase(Locale.ROOT).split(",")) {
            if (code.isBlank()) {
                continue;
            }
            String environment = context.settings().configuredTargetEnvironment(code.trim()).orElse(null);
            if (environment == null) {
                fail(code, "target environment", "none known: set gateway.mtn.countries." + code.trim()
                        + ".target-environment");
            } else {
                environments.put(code.trim(), environment);
            }
        }
        return environments;
    }

    /** Sandbox API user (docs/providers.md#mtn-sandbox-provisioning): it exists, and MTN will accept callbacks to the gateway's host (docs/providers.md#mtn-authentication). */
    private void checkApiUser(MtnProduct product) {
        String apiUser = context.settings().credentials(product).apiUser();
        ProviderReply reply = context.send(context.requests().apiUser(product, apiUser), null);
        if (reply.status() != 200) {
            fail(product.path(), "API user", "MTN answered " + MtnProvision.describe(reply)
                    + hint(reply.status(), "is it a sandbox API user made with this subscription key? "
                    + "(scripts/mtn-provision.sh)"));
            return;
        }
        JsonNode user = MtnProvision.read(reply.body());
        String host = user.path("providerCallbackHost").asText("");
        if (!host.equalsIgnoreCase(context.callbackHost())) {
            fail(product.path(), "API user", "its callback host is '" + host + "' but the gateway's is '"
                    + context.callbackHost() + "': MTN would refuse every payment with INVALID_CALLBACK_URL_HOST");
            return;
        }
        pass(product.path(), "API user", "exists, target environment " + user.path("targetEnvironment").asText("?")
                + ", callback host " + host);
    }

    private boolean checkToken(MtnProduct product, String environment) {
        ProviderReply reply = context.send(context.requests().token(product, environment), null);
        JsonNode body = MtnProvision.read(reply.body());
        String token = body.path("access_token").asText("");
        if (reply.status() != 200 || token.isBlank()) {
            fail(product.path(), "access token (" + environment + ")", "MTN answered " + MtnProvision.describe(reply)
                    + hint(reply.status(), "check MTN_" + product.path().toUpperCase(Locale.ROOT)
                    + "_SUBSCRIPTION_KEY, _API_USER and _API_KEY"));
            return false;
        }
        tokens.put(product.path() + "@" + environment, "Bearer " + token);
        pass(product.path(), "access token (" + environment + ")", "issued, expires in "
                + body.path("expires_in").asText("?") + " s");
        return true;
    }

    private void checkBalance(MtnProduct product, String country, String environment) {
        ProviderReply reply = context.send(context.requests().balance(product, country),
                tokens.get(product.path() + "@" + environment));
        JsonNode body = MtnProvision.read(reply.body());
        if (reply.status() != 200 || !body.hasNonNull("availableBalance")) {
            fail(product.path(), "balance (" + environment + ")", "MTN answered " + MtnProvision.describe(reply));
            return;
        }
        pass(product.path(), "balance (" + environment + ")", body.path("availableBalance").asText() + " "
                + body.path("currency").asText(""));
    }

    /** docs/providers.md#mtn-accounts through Collection: MTN knows the number and its wallet is active. */
    private void checkAccountHolder(Map<String, String> environments) {
        String msisdn = PhoneNumbers.normalise(context.options().getOrDefault("msisdn",
                context.settings().isSandbox() ? SANDBOX_MSISDN : ""));
        if (msisdn == null) {
            out.println("SKIP  collection     account holder           pass --msisdn=<a customer's number> to check one");
            return;
        }
        String country = context.settings().isSandbox() ? Countries.MTN_SANDBOX.code()
                : Countries.of(msisdn, false).map(c -> c.code()).orElse("");
        String environment = environments.get(country);
        String token = environment == null ? null : tokens.get("collection@" + environment);
        if (token == null) {
            fail("collection", "account holder", "no collection token for the number's country (" + country + ")");
            return;
        }
        ProviderReply reply = context.send(
                context.requests().accountHolder(MtnProduct.COLLECTION, msisdn, country, false), token);
        boolean active = MtnProvision.read(reply.body()).path("result").asBoolean(false);
        if (reply.status() == 200 && active) {
            pass("collection", "account holder", PhoneNumbers.mask(msisdn) + " is an active wallet");
        } else {
            fail("collection", "account holder", PhoneNumbers.mask(msisdn) + ": MTN answered "
                    + MtnProvision.describe(reply) + (reply.status() == 200 ? " (not active)" : ""));
        }
    }

    /** A tiny request-to-pay to a sandbox number, followed by status queries until it ends (docs/providers.md#mtn-request-to-pay, #mtn-status). */
    private void checkRequestToPay() {
        if (!context.settings().isSandbox()) {
            out.println("SKIP  collection     request to pay           only against the sandbox: it would move real money");
            return;
        }
        String token = tokens.get("collection@" + MtnSettings.SANDBOX);
        if (token == null) {
            fail("collection", "request to pay", "no collection token");
            return;
        }
        String msisdn = PhoneNumbers.normalise(context.options().getOrDefault("msisdn", SANDBOX_MSISDN));
        Payment payment = new Payment(UUID.randomUUID(), null, PaymentType.COLLECTION, Provider.MTN_MOMO,
                "COLLECTION", PaymentStatus.PENDING, BigDecimal.ONE, MtnSettings.SANDBOX_CURRENCY,
                Countries.MTN_SANDBOX.code(), msisdn, "mtn-check", "MTN configuration check",
                "MTN configuration check", null, null, null, null, null, null, null, null, null, 0, null,
                Instant.now(), Instant.now(), null);
        ProviderCall sent = withoutCallback(context.requests().initiate(payment, "none"));
        ProviderReply accepted = context.send(sent, token);
        if (accepted.status() != 202) {
            fail("collection", "request to pay", "MTN answered " + MtnProvision.describe(accepted));
            return;
        }
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(context.options().getOrDefault("timeout", "60")));
        String status = "PENDING";
        JsonNode body = MtnProvision.read("{}");
        while ("PENDING".equals(status) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofSeconds(1));
            ProviderReply reply = context.send(context.requests().status(payment), token);
            body = MtnProvision.read(reply.body());
            status = reply.status() == 200 ? body.path("status").asText("PENDING") : "PENDING";
        }
        if ("SUCCESSFUL".equals(status)) {
            pass("collection", "request to pay", "1 EUR from " + PhoneNumbers.mask(msisdn) + " SUCCESSFUL, "
                    + "financialTransactionId " + body.path("financialTransactionId").asText("-"));
        } else {
            fail("collection", "request to pay", "ended " + status
                    + (body.hasNonNull("reason") ? " " + body.get("reason") : "") + " (reference " + payment.id() + ")");
        }
    }

    /** The check runs outside the gateway: MTN must not call back about a payment the gateway never stored. */
    private static ProviderCall withoutCallback(ProviderCall call) {
        Map<String, String> headers = new LinkedHashMap<>(call.headers());
        headers.remove("X-Callback-Url");
        return new ProviderCall(call.operation(), call.method(), call.path(), headers, call.body());
    }

    private boolean configured(MtnProduct product) {
        MtnSettings.Credentials credentials = context.settings().credentials(product);
        return notBlank(credentials.subscriptionKey()) && notBlank(credentials.apiUser())
                && notBlank(credentials.apiKey());
    }

    private static String hint(int status, String hint) {
        return status == 401 || status == 404 || status == 400 ? ": " + hint : "";
    }

    private void pass(String product, String step, String detail) {
        passed++;
        out.printf("PASS  %-12s %-19s %s%n", product, step, detail);
    }

    private void fail(String product, String step, String detail) {
        failed++;
        out.printf("FAIL  %-12s %-19s %s%n", product, step, detail);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
