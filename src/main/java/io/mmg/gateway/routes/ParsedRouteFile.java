package io.mmg.gateway.routes;

import java.util.List;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * What one route file declares, read by Camel's YAML DSL into its model without starting anything; or the
 * problem that kept it from being read.
 */
record ParsedRouteFile(String name, String text, List<RouteDefinition> routes, List<RouteTemplateDefinition> templates,
                       RouteProblem parseProblem) {

    boolean parsed() {
        return parseProblem == null;
    }

    /** The first line (1-based) from {@code from} on that contains the text; {@code from} when none does. */
    int lineOf(String needle, int from) {
        if (needle != null && !needle.isBlank()) {
            String[] lines = text.split("\n", -1);
            for (int i = Math.max(from, 1) - 1; i < lines.length; i++) {
                if (lines[i].contains(needle)) {
                    return i + 1;
                }
            }
        }
        return from;
    }

    RouteProblem problem(int line, String message) {
        return new RouteProblem(name, line, message);
    }
}
