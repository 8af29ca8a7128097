package io.mmg.gateway.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.mmg.gateway.compat.JsonTemplate.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One {@code "$path|filter|filter:argument"} of a {@link JsonTemplate}: a dotted path into the source ({@code $}
 * alone is the current element) and the filters its value goes through, left to right.
 */
record TemplateReference(String text, List<String> path, List<String> filters) {

    static TemplateReference parse(String text) {
        String[] parts = text.substring(1).split("\\|", -1);
        String path = parts[0].trim();
        if (!path.isEmpty() && !path.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new IllegalArgumentException("Not a template reference: " + text);
        }
        return new TemplateReference(text, path.isEmpty() ? List.of() : List.of(path.split("\\.")),
                Arrays.asList(parts).subList(1, parts.length));
    }

    Optional<String> firstField() {
        return path.stream().findFirst();
    }

    /** The value: the path's first field in the innermost level that has it, then plain object fields. */
    JsonNode resolve(Scope scope) {
        JsonNode value = path.isEmpty() ? scope.node() : levelWith(scope, path.get(0)).map(level -> level.node().get(path.get(0)))
                .orElse(null);
        for (int i = 1; i < path.size() && value != null; i++) {
            value = value.get(path.get(i));
        }
        JsonNode filtered = value == null ? NullNode.getInstance() : value.deepCopy();
        for (String filter : filters) {
            filtered = TemplateFilters.apply(filter, filtered, String.join(".", path));
        }
        return filtered;
    }

    /** The elements an {@code $each} repeats over: every array on the path is opened, each element a level. */
    List<Scope> each(Scope scope) {
        List<Scope> levels = new ArrayList<>();
        if (path.isEmpty()) {
            open(scope.node(), scope.parent(), levels);
            return levels;
        }
        Optional<Scope> start = levelWith(scope, path.get(0));
        if (start.isPresent()) {
            open(start.get().node().get(path.get(0)), start.get(), levels);
        }
        for (String field : path.subList(1, path.size())) {
            List<Scope> next = new ArrayList<>();
            for (Scope level : levels) {
                open(level.node().get(field), level, next);
            }
            levels = next;
        }
        return levels;
    }

    private static void open(JsonNode node, Scope parent, List<Scope> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> into.add(new Scope(element, parent)));
        } else {
            into.add(new Scope(node, parent));
        }
    }

    private static Optional<Scope> levelWith(Scope scope, String field) {
        for (Scope level = scope; level != null; level = level.parent()) {
            if (level.node() != null && level.node().has(field)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
