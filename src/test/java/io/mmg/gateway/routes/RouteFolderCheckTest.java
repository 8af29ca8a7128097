package io.mmg.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The route check an engineer runs before deploying (scripts/validate-routes.sh) and the gateway runs at start-up. */
class RouteFolderCheckTest {

    static KnownBeans beans;
    static Map<String, String> bundled;

    @BeforeAll
    static void gateway() {
        beans = KnownBeans.ofGateway();
        bundled = RouteFiles.bundled();
    }

    static RouteCheckReport check(String name, String text) {
        return new RouteFolderCheck(beans, RouteFiles.schemes(RouteFolderCheck.DEFAULT_ALLOWED_SCHEMES))
                .check(bundled, Map.of(name, text));
    }

    static final String GOOD = """
            - route:
                id: tag-test
                description: A custom step
                from:
                  uri: direct:tag-test
                  steps:
                    - bean:
                        ref: apiKeyAuthenticator
                        method: authenticate
                    - to: direct:create-collection
            """;

    @Test
    void the_bundled_routes_pass_their_own_check() {
        RouteCheckReport report = new RouteFolderCheck(beans, RouteFiles.schemes(RouteFolderCheck.DEFAULT_ALLOWED_SCHEMES))
                .check(Map.of(), bundled);

        assertThat(report.problems()).isEmpty();
        assertThat(report.routes()).isGreaterThan(50);
    }

    @Test
    void a_good_file_is_counted_as_its_routes() {
        RouteCheckReport report = check("tag.yaml", GOOD);

        assertThat(report.problems()).isEmpty();
        assertThat(report.summary()).isEqualTo("1 routes OK (1 files)");
    }

    @Test
    void a_yaml_syntax_error_is_reported_on_its_line() {
        RouteCheckReport report = check("tag.yaml", GOOD.replace("    id: tag-test", "    id: tag-test\n   description: [oops"));

        assertThat(report.problems()).singleElement().hasToString(
                "tag.yaml:3: while parsing a block mapping, expected <block end>, but found '<block mapping start>'"
                        + " (YAML syntax: check the indentation and quoting on this line and the one before)");
    }

    @Test
    void an_unknown_eip_is_named_on_its_line() {
        RouteCheckReport report = check("tag.yaml", GOOD.replace("- to: direct:create-collection", "- frobnicate: direct:create-collection"));

        assertThat(report.problems()).singleElement().asString()
                .startsWith("tag.yaml:10: Unknown node id: frobnicate (not a Camel EIP or step");
    }

    @Test
    void a_route_id_of_a_bundled_file_it_does_not_replace_is_refused() {
        RouteCheckReport report = check("tag.yaml", GOOD.replace("id: tag-test", "id: create-collection"));

        assertThat(report.problems()).singleElement().hasToString("tag.yaml:2: route id 'create-collection' is already used by the"
                + " bundled collection.yaml, which this file does not replace: choose another id, or name this file collection.yaml"
                + " to replace that file");
    }

    @Test
    void a_file_named_like_a_bundled_one_replaces_it_and_keeps_its_ids() {
        RouteCheckReport report = check("collection.yaml", bundled.get("collection.yaml"));

        assertThat(report.problems()).isEmpty();
    }

    @Test
    void an_endpoint_the_gateway_does_not_allow_is_refused() {
        RouteCheckReport report = check("tag.yaml", GOOD.replace("- to: direct:create-collection", "- to: exec:rm?args=-rf"));

        assertThat(report.problems()).singleElement().asString()
                .startsWith("tag.yaml:10: endpoint 'exec:rm' uses 'exec:', which the gateway does not allow (allowed: bean, direct,");
    }

    @Test
    void a_direct_endpoint_no_route_consumes_is_named() {
        RouteCheckReport report = check("tag.yaml", GOOD.replace("direct:create-collection", "direct:create-colection"));

        assertThat(report.problems()).singleElement().asString()
                .startsWith("tag.yaml:10: 'direct:create-colection' is not consumed by any bundled or external route");
    }

    @Test
    void a_bean_the_gateway_does_not_have_is_named() {
        RouteCheckReport report = check("tag.yaml", GOOD.replace("ref: apiKeyAuthenticator", "ref: apiKeyAuthenticatr"));

        assertThat(report.problems()).singleElement().asString()
                .startsWith("tag.yaml:8: bean 'apiKeyAuthenticatr' does not exist in the gateway (did you mean 'apiKeyAuthenticator'?)");
    }

    @Test
    void a_method_the_bean_does_not_have_is_named() {
        RouteCheckReport report = check("tag.yaml", GOOD.replace("method: authenticate", "method: authenticat"));

        assertThat(report.problems()).singleElement().asString()
                .startsWith("tag.yaml:9: bean 'apiKeyAuthenticator' has no method 'authenticat'");
    }

    @Test
    void the_worked_example_of_docs_routes_passes_the_check() {
        RouteCheckReport report = new RouteFolderCheck(beans, RouteFiles.schemes(RouteFolderCheck.DEFAULT_ALLOWED_SCHEMES))
                .check(bundled, RouteFiles.folder(java.nio.file.Path.of("routes/examples")));

        assertThat(report.problems()).isEmpty();
        assertThat(report.routes()).isEqualTo(1);
    }

    @Test
    void the_command_prints_n_routes_ok_and_exits_0_for_a_good_folder() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        int exit = ValidateRoutes.run(java.nio.file.Path.of("routes/examples"), RouteFolderCheck.DEFAULT_ALLOWED_SCHEMES,
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("1 routes OK (1 files)" + System.lineSeparator());
    }

    @Test
    void the_worked_example_in_docs_routes_is_the_example_file() throws java.io.IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("docs/routes.md"));
        int start = page.indexOf("```yaml\n", page.indexOf("## Worked example")) + "```yaml\n".length();
        String shown = page.substring(start, page.indexOf("```", start));

        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("routes/examples/custom-steps.yaml"))).endsWith(shown);
    }
}
