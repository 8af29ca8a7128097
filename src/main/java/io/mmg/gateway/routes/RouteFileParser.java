package io.mmg.gateway.routes;

import java.util.List;
import java.util.Optional;
import org.apache.camel.dsl.yaml.common.exception.UnknownNodeIdException;
import org.apache.camel.dsl.yaml.common.exception.UnsupportedFieldException;
import org.apache.camel.dsl.yaml.common.exception.YamlDeserializationException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Reads a YAML route file with Camel's own YAML DSL into a CamelContext that is never started (no endpoint,
 * bean or component is created), so a file is judged by the very parser the gateway uses, without the gateway.
 */
final class RouteFileParser {

    private RouteFileParser() {
    }

    static ParsedRouteFile parse(String name, String text) {
        // Never started, so nothing to stop: closing it would only log three lines per file.
        DefaultCamelContext context = new DefaultCamelContext(false);
        try {
            context.setSourceLocationEnabled(true);
            // As the gateway runs them (camel.rest.inline-routes: false): REST verbs stay apart from their routes.
            context.getRestConfiguration().setInlineRoutes(false);
            context.getCamelContextExtension().setName("route-check");
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(name, text));
            ModelCamelContext model = context;
            return new ParsedRouteFile(name, text, List.copyOf(model.getRouteDefinitions()),
                    List.copyOf(model.getRouteTemplateDefinitions()), null);
        } catch (Exception e) {
            return new ParsedRouteFile(name, text, List.of(), List.of(), describe(name, e));
        }
    }

    /** Camel's parse errors carry the YAML position (0-based) and a message meant for a person; keep both. */
    private static RouteProblem describe(String name, Exception failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof MarkedYamlEngineException marked) {
                Optional<Mark> mark = marked.getProblemMark().or(marked::getContextMark);
                int line = mark.map(m -> m.getLine() + 1).orElse(1);
                return new RouteProblem(name, line, plain(marked) + hint(marked));
            }
            cause = cause.getCause();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new RouteProblem(name, 1, "cannot be read: " + root.getMessage());
    }

    /** What to do about the mistakes engineers make most. */
    private static String hint(MarkedYamlEngineException marked) {
        if (marked instanceof UnknownNodeIdException) {
            return " (not a Camel EIP or step: check its spelling against the Camel YAML DSL reference)";
        }
        if (marked instanceof UnsupportedFieldException) {
            return " (not an option of this step: check its spelling against the Camel YAML DSL reference)";
        }
        if (!(marked instanceof YamlDeserializationException)) {
            return " (YAML syntax: check the indentation and quoting on this line and the one before)";
        }
        return "";
    }

    /** The message without the snippet of the file that snakeyaml appends (the line number says where). */
    private static String plain(MarkedYamlEngineException marked) {
        String context = marked.getContext();
        String problem = marked.getProblem();
        String text = (context == null ? "" : context + ", ") + (problem == null ? marked.getMessage() : problem);
        return text.replaceAll("\\s+", " ").trim();
    }
}
