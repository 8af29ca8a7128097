package io.mmg.gateway.routes;

import java.nio.file.Path;
import java.util.stream.Collectors;

/** Start-up found external route files that cannot run, and was not told to skip them (gateway.routes.skip-broken). */
public class BrokenRouteFilesException extends RuntimeException {

    private final transient Path folder;
    private final transient RouteCheckReport report;

    public BrokenRouteFilesException(Path folder, RouteCheckReport report) {
        super("Broken route files in " + folder + ": " + report.problems().stream().map(RouteProblem::toString)
                .collect(Collectors.joining("; ")));
        this.folder = folder;
        this.report = report;
    }

    public Path folder() {
        return folder;
    }

    public RouteCheckReport report() {
        return report;
    }
}
