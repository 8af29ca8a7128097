package io.mmg.gateway.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Lets integration engineers change routes without recompiling.
 *
 * <p>When {@code gateway.routes.dir} names a folder, every {@code *.yaml} in it is loaded after the
 * bundled {@code classpath:routes/*.yaml}. A file with the same name as a bundled one replaces it
 * (the bundled copy is not loaded), so copying {@code collection.yaml} there and editing it is how a
 * bundled flow is customised. Camel watches the folder and reloads a changed file's routes in place
 * (routes are matched by id; the other routes keep running).
 */
public class ExternalRoutesFolder implements EnvironmentPostProcessor {

    static final String BUNDLED_ROUTES = "classpath:routes/*.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty("gateway.routes.dir", "");
        if (dir.isBlank()) {
            return;
        }
        Path folder = Path.of(dir).toAbsolutePath().normalize();
        createIfMissing(folder);
        environment.getPropertySources().addFirst(new MapPropertySource("gatewayExternalRoutes",
                camelProperties(folder, bundledRouteFileNames())));
    }

    static Map<String, Object> camelProperties(Path folder, List<String> bundledNames) {
        // The bundled files are listed one by one, leaving out those the folder replaces: an explicit
        // list does not depend on how a classpath location is spelled at run time (jar or directory).
        List<String> include = new ArrayList<>();
        for (String name : bundledNames) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                include.add("classpath:routes/" + name);
            }
        }
        include.add("file:" + folder + "/*.yaml");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("camel.main.routes-include-pattern", String.join(",", include));
        properties.put("camel.main.routes-reload-enabled", "true");
        properties.put("camel.main.routes-reload-directory", folder.toString());
        properties.put("camel.main.routes-reload-pattern", "*.yaml");
        // Reload only the changed file's routes; the bundled routes keep running untouched.
        properties.put("camel.main.routes-reload-remove-all-routes", "false");
        return properties;
    }

    private static List<String> bundledRouteFileNames() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(BUNDLED_ROUTES);
            return Stream.of(resources).map(Resource::getFilename).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list bundled routes", e);
        }
    }

    private static void createIfMissing(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create routes folder " + folder, e);
        }
    }
}
