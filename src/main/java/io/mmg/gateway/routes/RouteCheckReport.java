package io.mmg.gateway.routes;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The outcome of checking a folder of route files: its problems (none = fine) and how many routes it holds. */
public record RouteCheckReport(List<RouteProblem> problems, int routes, int files) {

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The files with at least one problem: the ones to skip when broken files may be skipped. */
    public Set<String> brokenFiles() {
        Set<String> broken = new TreeSet<>();
        problems.forEach(problem -> broken.add(problem.file()));
        return broken;
    }

    public String summary() {
        return routes + " routes OK (" + files + " files)";
    }
}
