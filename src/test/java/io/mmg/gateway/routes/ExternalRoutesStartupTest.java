package io.mmg.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmg.gateway.GatewayApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A broken file in the routes folder at start-up: stop with file, line and fix, or skip it when told to. */
@ExtendWith(OutputCaptureExtension.class)
class ExternalRoutesStartupTest {

    static final String BROKEN = """
            - route:
                id: tag-test
                from:
                  uri: direct:tag-test
                  steps:
                    - frobnicate: {}
            """;
    static final String GOOD = """
            - route:
                id: good-test
                from:
                  uri: direct:good-test
                  steps:
                    - to: direct:create-collection
            """;

    @TempDir
    Path folder;

    StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    void postProcess(StandardEnvironment environment) {
        new ExternalRoutesFolder(destination -> destination.get()).postProcessEnvironment(environment, new SpringApplication());
    }

    @Test
    void a_broken_file_stops_start_up_with_its_file_line_and_fix() throws IOException {
        Files.writeString(folder.resolve("tag.yaml"), BROKEN);

        assertThatThrownBy(() -> postProcess(environment(Map.of("gateway.routes.dir", folder.toString()))))
                .isInstanceOfSatisfying(BrokenRouteFilesException.class, broken -> {
                    FailureAnalysis analysis = new BrokenRouteFilesFailureAnalyzer().analyze(broken);
                    assertThat(analysis.getDescription()).contains(folder.resolve("tag.yaml") + ":6: Unknown node id: frobnicate");
                    assertThat(analysis.getAction()).contains("scripts/validate-routes.sh", "GATEWAY_ROUTES_SKIP_BROKEN=true");
                });
    }

    @Test
    void the_gateway_reports_a_broken_file_as_one_paragraph_not_a_stack_trace(CapturedOutput output) throws IOException {
        Files.writeString(folder.resolve("tag.yaml"), BROKEN);

        assertThatThrownBy(() -> new SpringApplication(GatewayApplication.class)
                .run("--gateway.routes.dir=" + folder, "--spring.main.web-application-type=none"))
                .isInstanceOf(BrokenRouteFilesException.class);

        assertThat(output.toString()).contains("APPLICATION FAILED TO START", "tag.yaml:6: Unknown node id: frobnicate",
                "gateway.routes.skip-broken").doesNotContain("\tat org.apache.camel");
    }

    @Test
    void with_skip_broken_the_broken_file_is_left_out_and_the_good_ones_load() throws IOException {
        Files.writeString(folder.resolve("tag.yaml"), BROKEN);
        Files.writeString(folder.resolve("good.yaml"), GOOD);
        StandardEnvironment environment = environment(Map.of("gateway.routes.dir", folder.toString(), "gateway.routes.skip-broken", "true"));

        postProcess(environment);

        assertThat(environment.getProperty("camel.main.routes-include-pattern"))
                .contains("file:" + folder.resolve("good.yaml")).doesNotContain("tag.yaml");
        assertThat(environment.getProperty(ExternalRoutesFolder.SKIPPED)).startsWith("tag.yaml:6: Unknown node id: frobnicate");
    }

    @Test
    void a_skipped_replacement_of_a_bundled_file_leaves_the_bundled_one_running() throws IOException {
        Files.writeString(folder.resolve("collection.yaml"), BROKEN);
        StandardEnvironment environment = environment(Map.of("gateway.routes.dir", folder.toString(), "gateway.routes.skip-broken", "true"));

        postProcess(environment);

        assertThat(environment.getProperty("camel.main.routes-include-pattern"))
                .contains("classpath:routes/collection.yaml").doesNotContain("file:" + folder.resolve("collection.yaml"));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("YAML syntax error", "    id: good-test", "    id: good-test\n   description: [oops",
                        "good.yaml:3: while parsing a block mapping"),
                Arguments.of("unknown EIP", "- to: direct:create-collection", "- frobnicate: direct:create-collection",
                        "good.yaml:6: Unknown node id: frobnicate"),
                Arguments.of("bundled route id", "id: good-test", "id: create-collection",
                        "good.yaml:2: route id 'create-collection' is already used by the bundled collection.yaml"),
                Arguments.of("endpoint not allowed", "direct:create-collection", "exec:rm",
                        "good.yaml:6: endpoint 'exec:rm' uses 'exec:', which the gateway does not allow"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void each_kind_of_bad_input_stops_start_up_with_a_precise_message(String kind, String good, String bad, String message) throws IOException {
        Files.writeString(folder.resolve("good.yaml"), GOOD.replace(good, bad));

        assertThatThrownBy(() -> postProcess(environment(Map.of("gateway.routes.dir", folder.toString()))))
                .isInstanceOfSatisfying(BrokenRouteFilesException.class, broken ->
                        assertThat(new BrokenRouteFilesFailureAnalyzer().analyze(broken).getDescription())
                                .contains(folder.resolve(message.substring(0, message.indexOf(':'))) + message.substring(message.indexOf(':'))));
    }
}
