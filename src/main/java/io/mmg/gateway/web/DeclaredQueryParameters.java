package io.mmg.gateway.web;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.ParamDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.apache.camel.model.rest.VerbDefinition;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The query parameters each REST verb declares, read from the CamelContext's REST definitions as they are now (a
 * route file reloaded from the external folder brings its own). The verb a request goes to is the most specific one
 * whose path matches, as the HTTP layer picks it; of equally specific ones the last defined (a reloaded file's).
 */
@Component
public class DeclaredQueryParameters {

    private final CamelContext camel;
    /** Parsed path patterns per verb; a verb of a reloaded file is a new object, the old one is dropped with it. */
    private final Map<VerbDefinition, PathPattern> patterns = Collections.synchronizedMap(new WeakHashMap<>());

    public DeclaredQueryParameters(CamelContext camel) {
        this.camel = camel;
    }

    /** The query parameters of the verb that serves this method and path; empty when no verb does. */
    public Optional<Set<String>> of(String method, String path) {
        PathContainer requestPath = PathContainer.parsePath(path);
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        VerbDefinition best = null;
        PathPattern bestPattern = null;
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                if (!verb.asVerb().equalsIgnoreCase(method)) {
                    continue;
                }
                PathPattern pattern = patterns.computeIfAbsent(verb, v -> parse(rest, v));
                boolean moreSpecific = bestPattern == null
                        || PathPattern.SPECIFICITY_COMPARATOR.compare(pattern, bestPattern) <= 0;
                if (pattern.matches(requestPath) && moreSpecific) {
                    best = verb;
                    bestPattern = pattern;
                }
            }
        }
        return Optional.ofNullable(best).map(DeclaredQueryParameters::queryParameters);
    }

    static Set<String> queryParameters(VerbDefinition verb) {
        return verb.getParams().stream()
                .filter(param -> param.getType() == RestParamType.query)
                .map(ParamDefinition::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static PathPattern parse(RestDefinition rest, VerbDefinition verb) {
        String base = rest.getPath() == null ? "" : rest.getPath();
        String tail = verb.getPath() == null ? "" : verb.getPath();
        String path = (base + (tail.isEmpty() || tail.startsWith("/") ? tail : "/" + tail)).replaceAll("/+$", "");
        return PathPatternParser.defaultInstance.parse(path.isEmpty() ? "/" : path);
    }
}
