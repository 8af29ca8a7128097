package io.mmg.gateway.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.provider.mtn.MtnSettings;
import io.mmg.gateway.support.GatewayApiTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The MTN commands (scripts/mtn-provision.sh, scripts/mtn-check.sh) against the running gateway's simulator,
 * over HTTP, with the gateway's own configuration.
 */
class MtnToolsTest extends GatewayApiTest {

    @Autowired
    private MtnSettings settings;

    private record Run(int exitCode, String out, String report) {
    }

    private MtnToolContext context(MtnSettings mtn, String publicUrl, String... options) {
        return MtnToolContext.of(mtn, http.baseUrl() + "/sandbox/mtn", publicUrl, MtnToolContext.options(options));
    }

    private static Run check(MtnToolContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new MtnCheck(context, new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        return new Run(exit, out.toString(StandardCharsets.UTF_8), "");
    }

    private static Run provision(MtnToolContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int exit = new MtnProvision(context, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(report, true, StandardCharsets.UTF_8)).run();
        return new Run(exit, out.toString(StandardCharsets.UTF_8), report.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_check_passes_every_step_with_the_gateways_configuration() {
        Run run = check(context(settings, http.baseUrl(), "--request-to-pay"));

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain("FAIL")
                .containsPattern("PASS  collection +API user")
                .containsPattern("PASS  disbursement +access token \\(sandbox\\) +issued, expires in 3600 s")
                .containsPattern("PASS  remittance +balance \\(sandbox\\) +\\d+ EUR")
                .containsPattern("PASS  collection +account holder")
                .containsPattern("PASS  collection +request to pay +1 EUR .* SUCCESSFUL")
                .contains("Result: 11 passed, 0 failed");
        assertThat(run.out()).doesNotContain(settings.collection().apiKey(), settings.remittance().subscriptionKey());
    }

    @Test
    void provisioned_api_users_and_keys_are_printed_once_and_pass_the_check() {
        Run provisioned = provision(context(settings, http.baseUrl()));

        assertThat(provisioned.exitCode()).as(provisioned.report()).isZero();
        Map<String, String> variables = new HashMap<>();
        provisioned.out().lines().map(line -> line.split("=", 2)).forEach(pair -> variables.put(pair[0], pair[1]));
        assertThat(variables).containsOnlyKeys("MTN_COLLECTION_API_USER", "MTN_COLLECTION_API_KEY",
                "MTN_DISBURSEMENT_API_USER", "MTN_DISBURSEMENT_API_KEY", "MTN_REMITTANCE_API_USER", "MTN_REMITTANCE_API_KEY");
        assertThat(variables.get("MTN_DISBURSEMENT_API_KEY")).matches("[0-9a-f]{32}");
        assertThat(provisioned.report()).doesNotContain(variables.get("MTN_DISBURSEMENT_API_KEY"));

        MtnSettings withNewUsers = new MtnSettings(settings.baseUrl(), "sandbox", null,
                credentials(settings.collection(), variables, "COLLECTION"),
                credentials(settings.disbursement(), variables, "DISBURSEMENT"),
                credentials(settings.remittance(), variables, "REMITTANCE"));
        Run checked = check(context(withNewUsers, http.baseUrl()));
        assertThat(checked.exitCode()).as(checked.out()).isZero();
    }

    @Test
    void a_wrong_api_key_fails_its_product_without_showing_the_secret() {
        MtnSettings wrongKey = new MtnSettings(null, "sandbox", null, settings.collection(),
                new MtnSettings.Credentials(settings.disbursement().subscriptionKey(), settings.disbursement().apiUser(),
                        "wrong0disbursement0api0key00000"), settings.remittance());

        Run run = check(context(wrongKey, http.baseUrl()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAIL  disbursement +access token \\(sandbox\\) +MTN answered 401")
                .containsPattern("PASS  collection +access token")
                .doesNotContain("wrong0disbursement0api0key00000");
    }

    @Test
    void a_callback_host_mtn_would_refuse_fails_the_check() {
        Run run = check(context(settings, "https://gateway.example.com"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAIL  collection +API user .*INVALID_CALLBACK_URL_HOST");
    }

    @Test
    void provisioning_is_refused_outside_the_sandbox() {
        MtnSettings production = new MtnSettings(null, "production", null, settings.collection(),
                settings.disbursement(), settings.remittance());

        Run run = provision(context(production, http.baseUrl()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.report()).contains("Partner Portal");
    }

    @Test
    void the_commands_read_the_gateways_configuration_file_and_options() {
        MtnToolContext loaded = MtnToolContext.load(new String[] {"--base-url=https://sandbox.momodeveloper.mtn.com/",
                "--msisdn=46733123450"});

        assertThat(loaded.baseUrl()).isEqualTo("https://sandbox.momodeveloper.mtn.com");
        assertThat(loaded.settings().disbursement().subscriptionKey()).isNotBlank();
        assertThat(loaded.settings().isSandbox()).isEqualTo(settings.isSandbox());
        assertThat(loaded.options()).containsEntry("msisdn", "46733123450");
    }

    private static MtnSettings.Credentials credentials(MtnSettings.Credentials configured, Map<String, String> variables,
                                                       String product) {
        return new MtnSettings.Credentials(configured.subscriptionKey(), variables.get("MTN_" + product + "_API_USER"),
                variables.get("MTN_" + product + "_API_KEY"));
    }
}
