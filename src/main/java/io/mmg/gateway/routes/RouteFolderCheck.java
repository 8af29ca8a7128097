package io.mmg.gateway.routes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * Judges external route files against the gateway they will run in: its bundled routes (minus the files the
 * folder replaces) and its beans. Each file is read by Camel's YAML DSL; then every route id must be its own,
 * every {@code direct:} it calls must be consumed by some route, every bean it calls must exist with that
 * method, and every endpoint must use an allowed scheme. Only the external files are judged; the bundled
 * ones are what the gateway is tested with.
 */
public final class RouteFolderCheck {

    /** The endpoint schemes the bundled routes use, plus log: what a custom route may reach by default. */
    public static final String DEFAULT_ALLOWED_SCHEMES = "direct,platform-http,rest,sql,http,https,quartz,file,log,bean";

    private final KnownBeans beans;
    private final Set<String> allowedSchemes;

    public RouteFolderCheck(KnownBeans beans, Set<String> allowedSchemes) {
        this.beans = beans;
        this.allowedSchemes = Set.copyOf(allowedSchemes);
    }

    /** Both maps: file name to its text; a bundled file whose name is among the external ones is replaced. */
    public RouteCheckReport check(Map<String, String> bundled, Map<String, String> external) {
        List<ParsedRouteFile> kept = new ArrayList<>();
        bundled.forEach((name, text) -> {
            if (!external.containsKey(name)) {
                kept.add(RouteFileParser.parse(name, text));
            }
        });
        List<ParsedRouteFile> own = new ArrayList<>();
        external.forEach((name, text) -> own.add(RouteFileParser.parse(name, text)));

        List<Pattern> consumed = new ArrayList<>();
        Map<String, String> bundledIds = new HashMap<>();
        for (ParsedRouteFile file : kept) {
            file.routes().stream().filter(route -> !Boolean.TRUE.equals(route.isRest())).forEach(route -> bundledIds.put(route.getRouteId(), file.name()));
            collectConsumers(file, consumed);
        }
        own.stream().filter(ParsedRouteFile::parsed).forEach(file -> collectConsumers(file, consumed));

        List<RouteProblem> problems = new ArrayList<>();
        Map<String, String> ownIds = new LinkedHashMap<>();
        int routes = 0;
        for (ParsedRouteFile file : own) {
            if (!file.parsed()) {
                problems.add(file.parseProblem());
                continue;
            }
            for (RouteDefinition route : file.routes()) {
                // REST verbs come as routes of their own (rest: true), named after the verb's id.
                if (!Boolean.TRUE.equals(route.isRest())) {
                    routes++;
                    checkId(route, file, bundledIds, ownIds, problems);
                }
                checkReferences(RouteReferences.of(route, file), file, consumed, problems);
            }
        }
        problems.sort(java.util.Comparator.comparing(RouteProblem::file).thenComparingInt(RouteProblem::line));
        return new RouteCheckReport(List.copyOf(problems), routes, external.size());
    }

    private void checkId(RouteDefinition route, ParsedRouteFile file, Map<String, String> bundledIds,
                         Map<String, String> ownIds, List<RouteProblem> problems) {
        String id = route.getRouteId();
        if (id == null || id.isBlank() || !route.hasCustomIdAssigned()) {
            problems.add(file.problem(route.getLineNumber(), "a route without an id: give it 'id:' (reloading replaces routes by id)"));
            return;
        }
        int line = file.lineOf("id: " + id, Math.max(route.getLineNumber(), 1));
        String bundledFile = bundledIds.get(id);
        if (bundledFile != null) {
            problems.add(file.problem(line, "route id '" + id + "' is already used by the bundled " + bundledFile
                    + ", which this file does not replace: choose another id, or name this file " + bundledFile + " to replace that file"));
        }
        String otherFile = ownIds.putIfAbsent(id, file.name());
        if (otherFile != null) {
            problems.add(file.problem(line, "route id '" + id + "' is also used in " + otherFile + ": route ids must be unique"));
        }
    }

    private void checkReferences(RouteReferences references, ParsedRouteFile file, List<Pattern> consumed, List<RouteProblem> problems) {
        for (RouteReferences.Endpoint endpoint : references.endpoints) {
            String uri = endpoint.uri();
            if (uri == null || uri.isBlank()) {
                continue;
            }
            String scheme = scheme(uri);
            if (scheme == null) {
                continue; // decided at run time (${...} or {{...}}): nothing to judge here
            }
            if (!allowedSchemes.contains(scheme)) {
                problems.add(file.problem(endpoint.line(), "endpoint '" + withoutOptions(uri) + "' uses '" + scheme
                        + ":', which the gateway does not allow (allowed: " + String.join(", ", sorted(allowedSchemes))
                        + "); use one of those, or add it to gateway.routes.allowed-schemes"));
            } else if (scheme.equals("direct") && isFixed(uri) && consumed.stream().noneMatch(p -> p.matcher(name(uri)).matches())) {
                problems.add(file.problem(endpoint.line(), "'" + name(uri) + "' is not consumed by any bundled or external route: "
                        + "check the name against docs/routes.md, or add a route 'from: " + name(uri) + "'"));
            } else if (scheme.equals("bean") && isFixed(uri) && !beans.has(name(uri).substring(5))) {
                problems.add(unknownBean(file, endpoint.line(), name(uri).substring(5)));
            }
        }
        for (RouteReferences.BeanCall call : references.beans) {
            if (!isFixed(call.ref())) {
                continue;
            }
            if (!beans.has(call.ref())) {
                problems.add(unknownBean(file, call.line(), call.ref()));
            } else if (call.method() != null && isFixed(call.method()) && !beans.hasMethod(call.ref(), methodName(call.method()))) {
                problems.add(file.problem(file.lineOf(methodName(call.method()), call.line()), "bean '" + call.ref() + "' has no method '" + methodName(call.method())
                        + "': check the spelling (docs/routes.md lists what each bean offers)"));
            }
        }
    }

    private RouteProblem unknownBean(ParsedRouteFile file, int line, String ref) {
        String guess = beans.closestName(ref).map(name -> " (did you mean '" + name + "'?)").orElse("");
        return file.problem(line, "bean '" + ref + "' does not exist in the gateway" + guess + ": docs/routes.md lists the beans a route may use");
    }

    private static void collectConsumers(ParsedRouteFile file, List<Pattern> consumed) {
        for (RouteDefinition route : file.routes()) {
            addConsumer(route.getInput() == null ? null : route.getInput().getEndpointUri(), consumed);
        }
        for (RouteTemplateDefinition template : file.templates()) {
            RouteDefinition route = template.getRoute();
            addConsumer(route == null || route.getInput() == null ? null : route.getInput().getEndpointUri(), consumed);
        }
    }

    /** A template's {@code direct:{{name}}-request} consumes every name of that shape. */
    private static void addConsumer(String uri, List<Pattern> consumed) {
        if (uri != null && uri.startsWith("direct:")) {
            StringBuilder regex = new StringBuilder();
            for (String part : name(uri).split("\\{\\{[^}]*}}", -1)) {
                regex.append(regex.isEmpty() ? "" : ".+").append(Pattern.quote(part));
            }
            consumed.add(Pattern.compile(regex.toString()));
        }
    }

    private static String scheme(String uri) {
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? uri : uri.substring(0, colon);
        return isFixed(scheme) ? scheme.toLowerCase() : null;
    }

    private static boolean isFixed(String text) {
        return !text.contains("${") && !text.contains("{{");
    }

    /** The URI without options (they may hold credentials), and direct:/bean: names without "//". */
    private static String name(String uri) {
        return withoutOptions(uri).replaceFirst("^(direct|bean)://", "$1:");
    }

    private static String withoutOptions(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private static String methodName(String method) {
        int paren = method.indexOf('(');
        return (paren < 0 ? method : method.substring(0, paren)).trim();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
