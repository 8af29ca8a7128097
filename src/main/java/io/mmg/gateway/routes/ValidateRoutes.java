package io.mmg.gateway.routes;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * {@code scripts/validate-routes.sh <folder>}: checks a folder of route files before it is deployed, without
 * starting a gateway (no server, provider, database or Spring context). Prints {@code file:line: message} for
 * each problem and exits 1, or "N routes OK" and exits 0; made for a merchant's CI (routes/README.md).
 */
public final class ValidateRoutes {

    private ValidateRoutes() {
    }

    public static void main(String[] args) {
        // Without Spring Boot's logging set-up Logback would print Camel's debug lines between the findings.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: validate-routes <folder of route files>");
            System.exit(2);
        }
        String schemes = System.getProperty("gateway.routes.allowed-schemes",
                System.getenv().getOrDefault("GATEWAY_ROUTES_ALLOWED_SCHEMES", RouteFolderCheck.DEFAULT_ALLOWED_SCHEMES));
        System.exit(run(Path.of(args[0]), schemes, System.out));
    }

    /** The exit code: 0 when every file is fine, 1 when any has a problem. */
    static int run(Path folder, String allowedSchemes, PrintStream out) {
        RouteCheckReport report = new RouteFolderCheck(KnownBeans.ofGateway(), RouteFiles.schemes(allowedSchemes))
                .check(RouteFiles.bundled(), RouteFiles.folder(folder));
        report.problems().forEach(problem -> out.println(folder.resolve(problem.file()).normalize()
                + ":" + Math.max(problem.line(), 1) + ": " + problem.message()));
        if (!report.ok()) {
            out.println(report.problems().size() + " problems in " + report.brokenFiles().size() + " of " + report.files() + " files");
            return 1;
        }
        out.println(report.summary());
        return 0;
    }
}
