package io.mmg.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The compose files say what the README says: every setting it names can be given in .env (listed in .env.example)
 * and reaches the gateway containers, the files they mount are in the repository, the build context leaves out
 * what is not the source, and the production shape is two gateways behind a load balancer on one PostgreSQL.
 * (The files also validate against the Compose specification's JSON schema: README "Running for real".)
 */
class ComposeFilesTest {

    private static final Pattern SETTING = Pattern.compile("\\b(?:GATEWAY|MTN|MPESA)_[A-Z0-9_]*[A-Z0-9]\\b");

    @Test
    void every_setting_the_readme_and_docs_name_is_in_env_example() throws IOException {
        Set<String> named = new TreeSet<>();
        named.addAll(settingsIn(Path.of("README.md")));
        try (var docs = Files.list(Path.of("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                named.addAll(settingsIn(doc));
            }
        }
        // Prefixes in prose (MTN_*, MPESA_B2C_...) and names that are not settings.
        named.removeIf(name -> name.equals("MTN_MOMO") || prefixOnly(name));
        String example = Files.readString(Path.of(".env.example"));

        assertThat(named).isNotEmpty().allSatisfy(name -> assertThat(example).as(name).contains(name));
    }

    @Test
    void each_gateway_service_reads_the_env_file_without_requiring_it() {
        for (String file : List.of("docker-compose.yml", "docker-compose.production.yml")) {
            Map<String, Map<String, Object>> services = services(file);
            List<String> gateways = services.keySet().stream().filter(name -> name.startsWith("gateway")).toList();
            assertThat(gateways).as(file).isNotEmpty();
            for (String gateway : gateways) {
                assertThat(services.get(gateway).get("env_file")).as(file + " " + gateway)
                        .isEqualTo(List.of(Map.of("path", ".env", "required", false)));
            }
        }
    }

    @Test
    void the_production_shape_is_two_gateways_behind_a_load_balancer_on_one_postgres() throws IOException {
        Map<String, Map<String, Object>> services = services("docker-compose.production.yml");

        assertThat(services.keySet()).containsExactlyInAnyOrder("postgres", "gateway-1", "gateway-2", "load-balancer");
        for (String gateway : List.of("gateway-1", "gateway-2")) {
            Map<?, ?> environment = (Map<?, ?>) services.get(gateway).get("environment");
            assertThat(environment.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/gateway");
            assertThat(services.get(gateway)).doesNotContainKey("ports");
        }
        String nginx = Files.readString(Path.of("deploy/nginx/nginx.conf"));
        assertThat(nginx).contains("server gateway-1:8080", "server gateway-2:8080");
        Map<?, ?> balancerWaitsFor = (Map<?, ?>) services.get("load-balancer").get("depends_on");
        assertThat(balancerWaitsFor.keySet().stream().map(Object::toString)).contains("gateway-1", "gateway-2");
    }

    @Test
    void the_files_the_compose_files_mount_are_in_the_repository() {
        for (String file : List.of("docker-compose.yml", "docker-compose.production.yml")) {
            services(file).forEach((name, service) -> {
                for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
                    String source = volume.toString().split(":")[0];
                    if (source.startsWith("./")) {
                        assertThat(Path.of(source)).as(file + " " + name).exists();
                    }
                }
            });
        }
        assertThat(Path.of("monitoring/grafana/dashboards/gateway.json")).exists();
    }

    @Test
    void the_monitoring_services_run_only_with_their_profile() {
        Map<String, Map<String, Object>> services = services("docker-compose.yml");

        assertThat(services.get("prometheus").get("profiles")).isEqualTo(List.of("monitoring"));
        assertThat(services.get("grafana").get("profiles")).isEqualTo(List.of("monitoring"));
        assertThat(services.get("gateway")).doesNotContainKey("profiles");
    }

    @Test
    void the_build_context_leaves_out_build_output_data_and_history() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore"));

        assertThat(ignored).contains("target/", ".gateway-data/", ".git/", ".env");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String file) {
        try {
            Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(Path.of(file)));
            return (Map<String, Map<String, Object>>) compose.get("services");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> settingsIn(Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SETTING.matcher(Files.readString(file));
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** MTN_COLLECTION_ or MPESA_B2C (a family of settings named in prose), not one setting. */
    private static boolean prefixOnly(String name) {
        return Set.of("MPESA_B2C", "MPESA_REVERSAL", "MPESA_STK_PUSH").contains(name);
    }
}
