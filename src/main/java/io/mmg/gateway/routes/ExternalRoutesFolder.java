package io.mmg.gateway.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets integration engineers change routes without recompiling.
 *
 * <p>When {@code gateway.routes.dir} names a folder, every {@code *.yaml} in it is loaded after the
 * bundled {@code classpath:routes/*.yaml}. A file with the same name as a bundled one replaces it
 * (the bundled copy is not loaded), so copying {@code collection.yaml} there and editing it is how a
 * bundled flow is customised. The folder is watched and a changed file's routes are reloaded in place
 * (routes are matched by id; the other routes keep running) once they pass the route check ({@link CheckedRoutesReload}).
 *
 * <p>The folder is checked first ({@link RouteFolderCheck}, as scripts/validate-routes.sh does): a broken file
 * stops start-up with its file and line ({@link BrokenRouteFilesFailureAnalyzer}), or with
 * {@code gateway.routes.skip-broken} is left out (the bundled file of that name then stays) and listed in health.
 */
public class ExternalRoutesFolder implements EnvironmentPostProcessor {

    /** Set by start-up for RoutesHealthIndicator: the problems of the skipped files, one per line. */
    static final String SKIPPED = "gateway.routes.skipped-problems";

    private final Log log;

    public ExternalRoutesFolder(DeferredLogFactory logs) {
        this.log = logs.getLog(ExternalRoutesFolder.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty("gateway.routes.dir", "");
        if (dir.isBlank()) {
            return;
        }
        Path folder = Path.of(dir).toAbsolutePath().normalize();
        createIfMissing(folder);
        RouteCheckReport report = new RouteFolderCheck(KnownBeans.ofGateway(), RouteFiles.schemes(environment.getProperty(
                "gateway.routes.allowed-schemes", RouteFolderCheck.DEFAULT_ALLOWED_SCHEMES)))
                .check(RouteFiles.bundled(), RouteFiles.folder(folder));
        if (!report.ok() && !environment.getProperty("gateway.routes.skip-broken", Boolean.class, false)) {
            throw new BrokenRouteFilesException(folder, report);
        }
        report.problems().forEach(problem -> log.warn("Skipped route file (gateway.routes.skip-broken): " + folder.resolve(problem.file())
                + ":" + Math.max(problem.line(), 1) + ": " + problem.message()));
        Map<String, Object> properties = camelProperties(folder, bundledRouteFileNames(), report.brokenFiles());
        properties.put(SKIPPED, report.problems().stream().map(RouteProblem::toString).collect(Collectors.joining("\n")));
        environment.getPropertySources().addFirst(new MapPropertySource("gatewayExternalRoutes", properties));
    }

    static Map<String, Object> camelProperties(Path folder, List<String> bundledNames, Set<String> skipped) {
        // The bundled files are listed one by one, leaving out those the folder replaces: an explicit
        // list does not depend on how a classpath location is spelled at run time (jar or directory).
        List<String> include = new ArrayList<>();
        for (String name : bundledNames) {
            if (!Files.isRegularFile(folder.resolve(name)) || skipped.contains(name)) {
                include.add("classpath:routes/" + name);
            }
        }
        if (skipped.isEmpty()) {
            include.add("file:" + folder + "/*.yaml");
        } else {
            RouteFiles.folder(folder).keySet().stream().filter(name -> !skipped.contains(name))
                    .forEach(name -> include.add("file:" + folder.resolve(name)));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("camel.main.routes-include-pattern", String.join(",", include));
        // The folder is watched by CheckedRoutesReload (the route check before each reload), not Camel's own watcher.
        properties.put("camel.main.routes-reload-enabled", "false");
        // Routes carry the file and line they come from (the admin route view and Camel's errors show them).
        properties.put("camel.main.source-location-enabled", "true");
        return properties;
    }

    private static List<String> bundledRouteFileNames() {
        return List.copyOf(RouteFiles.bundled().keySet());
    }

    private static void createIfMissing(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create routes folder " + folder, e);
        }
    }
}
