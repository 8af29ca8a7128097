package io.mmg.gateway.routes;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's watcher of the routes folder, with the route check of start-up in front of each reload: a changed file
 * that fails it (an endpoint the gateway does not allow, a bean or direct: that does not exist...) is not loaded,
 * its routes keep running as they were, and each problem is logged as file:line: message and shown in
 * GET /api/v1/admin/routes ("lastReload"). Camel alone would only refuse what its YAML parser refuses.
 */
class CheckedRoutesReload extends RouteWatcherReloadStrategy {

    private static final Logger log = LoggerFactory.getLogger(CheckedRoutesReload.class);

    private final Path folder;
    private final RouteFolderCheck check;

    CheckedRoutesReload(Path folder, RouteFolderCheck check) {
        super(folder.toString(), false);
        this.folder = folder;
        this.check = check;
        setPattern("*.yaml");
        // Reload only the changed file's routes; the bundled routes keep running untouched.
        setRemoveAllRoutes(false);
    }

    @Override
    protected void onRouteReload(Collection<Resource> resources, boolean removeEverything) {
        Set<String> changed = resources == null ? Set.of() : resources.stream()
                .map(resource -> Path.of(resource.getLocation().replaceFirst("^file:", "")).getFileName().toString())
                .collect(Collectors.toSet());
        List<RouteProblem> problems = check.check(RouteFiles.bundled(), RouteFiles.folder(folder)).problems().stream()
                .filter(problem -> changed.contains(problem.file())).toList();
        if (problems.isEmpty()) {
            super.onRouteReload(resources, removeEverything);
            return;
        }
        problems.forEach(problem -> log.warn("Route file not reloaded, its previous routes keep running: {}", folder.resolve(problem.file())
                + ":" + Math.max(problem.line(), 1) + ": " + problem.message()));
        incFailedCounter();
        setLastError(new IllegalArgumentException(problems.stream().map(RouteProblem::toString).collect(Collectors.joining("; "))));
    }
}
