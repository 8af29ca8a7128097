package io.mmg.gateway.routes;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code scripts/validate-routes.sh <folder>}: checks a folder of route files before it is deployed, without
 * starting a gateway (no server, provider, database or Spring context). Prints {@code file:line: message} for
 * each problem and exits 1, or "N routes OK" and exits 0; made for a merchant's CI (routes/README.md).
 */
public final class ValidateRoutes {

    private ValidateRoutes() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: validate-routes <folder of route files>");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        if (!Files.isDirectory(folder)) {
            System.err.println(args[0] + ": not a folder");
            System.exit(2);
        }
        String schemes = System.getProperty("gateway.routes.allowed-schemes",
                System.getenv().getOrDefault("GATEWAY_ROUTES_ALLOWED_SCHEMES", RouteFolderCheck.DEFAULT_ALLOWED_SCHEMES));
        RouteCheckReport report = new RouteFolderCheck(KnownBeans.ofGateway(), RouteFiles.schemes(schemes))
                .check(RouteFiles.bundled(), RouteFiles.folder(folder));
        report.problems().forEach(problem -> System.out.println(folder.resolve(problem.file()).normalize()
                + ":" + Math.max(problem.line(), 1) + ": " + problem.message()));
        if (!report.ok()) {
            System.out.println(report.problems().size() + " problems in " + report.brokenFiles().size() + " of " + report.files() + " files");
            System.exit(1);
        }
        System.out.println(report.summary());
        System.exit(0);
    }
}
