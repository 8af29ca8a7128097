package io.mmg.gateway.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The route files of the gateway (on the class path) and of an external folder, by file name. */
final class RouteFiles {

    static final String BUNDLED_ROUTES = "classpath:routes/*.yaml";

    private RouteFiles() {
    }

    static Map<String, String> bundled() {
        try {
            Map<String, String> files = new TreeMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(BUNDLED_ROUTES)) {
                try (InputStream in = resource.getInputStream()) {
                    files.put(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled routes", e);
        }
    }

    static Map<String, String> folder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Map.of();
        }
        try (Stream<Path> paths = Files.list(folder)) {
            Map<String, String> files = new TreeMap<>();
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the routes folder " + folder, e);
        }
    }

    static Set<String> schemes(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(String::toLowerCase).collect(Collectors.toUnmodifiableSet());
    }
}
