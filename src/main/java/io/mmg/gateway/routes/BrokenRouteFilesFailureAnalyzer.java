package io.mmg.gateway.routes;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A broken file in the routes folder stops start-up with one paragraph naming the file, the line and the way
 * out, instead of Camel's parse stack trace somewhere in a hundred lines (Spring Boot logs the trace at DEBUG).
 */
public class BrokenRouteFilesFailureAnalyzer extends AbstractFailureAnalyzer<BrokenRouteFilesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BrokenRouteFilesException cause) {
        String files = String.join(", ", cause.report().brokenFiles());
        String description = "The routes folder " + cause.folder() + " (gateway.routes.dir) has route files the gateway cannot run ("
                + files + "), so it did not start without them:\n"
                + cause.report().problems().stream().map(problem -> "    " + cause.folder().resolve(problem.file()) + ":"
                        + Math.max(problem.line(), 1) + ": " + problem.message()).collect(Collectors.joining("\n"));
        String action = "Correct each file at the line named above (scripts/validate-routes.sh " + cause.folder()
                + " checks the folder without starting the gateway; routes/README.md), or move the file out of the folder."
                + " To start on the bundled routes without the broken files instead, set GATEWAY_ROUTES_SKIP_BROKEN=true"
                + " (gateway.routes.skip-broken); the skipped files are then logged and listed in /actuator/health (\"routes\").";
        return new FailureAnalysis(description, action, cause);
    }
}
