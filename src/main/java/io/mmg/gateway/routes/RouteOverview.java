package io.mmg.gateway.routes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.mmg.gateway.api.JsonReplies;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.ReloadStrategy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The read-only view of the running routes for integration engineers (GET /api/v1/admin/routes, admin key):
 * where each route comes from, whether it runs, its exchanges, failures and mean time, and how the last reload
 * of the routes folder went.
 */
@Component("routeOverview")
public class RouteOverview {

    private final CamelContext camel;
    private final RouteStatistics statistics;
    private final Environment environment;
    private final JsonReplies replies;

    public RouteOverview(CamelContext camel, RouteStatistics statistics, Environment environment, JsonReplies replies) {
        this.camel = camel;
        this.statistics = statistics;
        this.environment = environment;
        this.replies = replies;
    }

    public void reply(Exchange exchange) {
        replies.reply(exchange, 200, overview());
    }

    public Map<String, Object> overview() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("folder", environment.getProperty("gateway.routes.dir", ""));
        body.put("skippedFiles", skippedProblems());
        body.put("lastReload", lastReload());
        body.put("routes", camel.getRoutes().stream()
                .sorted((a, b) -> a.getRouteId().compareTo(b.getRouteId())).map(this::route).toList());
        return body;
    }

    /** The problems of the route files start-up skipped (gateway.routes.skip-broken), as file:line: message. */
    List<String> skippedProblems() {
        String skipped = environment.getProperty(ExternalRoutesFolder.SKIPPED, "");
        return skipped.isBlank() ? List.of() : List.of(skipped.split("\n"));
    }

    /** Counters of Camel's watcher of the routes folder; empty when no folder is watched. */
    Map<String, Object> lastReload() {
        Map<String, Object> reload = new LinkedHashMap<>();
        ReloadStrategy strategy = camel.hasService(ReloadStrategy.class);
        if (strategy != null) {
            reload.put("reloads", strategy.getReloadCounter());
            reload.put("failedReloads", strategy.getFailedCounter());
            Exception last = strategy.getLastError();
            reload.put("result", last == null ? "OK" : "FAILED");
            if (last != null) {
                reload.put("error", last.getMessage());
            }
        }
        return reload;
    }

    private Map<String, Object> route(Route route) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", route.getRouteId());
        view.put("description", route.getDescription());
        view.put("source", route.getSourceLocationShort() != null ? route.getSourceLocationShort()
                : route.getSourceResource() != null ? route.getSourceResource().getLocation() : null);
        view.put("from", withoutOptions(route.getEndpoint().getEndpointBaseUri()));
        ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
        view.put("status", status == null ? "Unknown" : status.name());
        RouteStatistics.Counters counters = statistics.of(route.getRouteId()).orElse(new RouteStatistics.Counters());
        view.put("exchanges", counters.exchanges());
        view.put("failed", counters.failed());
        view.put("meanMillis", BigDecimal.valueOf(counters.meanMillis()).setScale(1, RoundingMode.HALF_UP));
        return view;
    }

    private static String withoutOptions(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
