package io.mmg.gateway.routes;

/** One thing wrong in a route file, printed the way compilers and editors expect: {@code file:line: message}. */
public record RouteProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + Math.max(line, 1) + ": " + message;
    }
}
