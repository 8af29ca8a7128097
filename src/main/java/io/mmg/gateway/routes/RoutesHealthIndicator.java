package io.mmg.gateway.routes;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * "routes" in /actuator/health: the route files start-up skipped (gateway.routes.skip-broken) and the last
 * reload of the routes folder. Always UP, and not part of readiness: the bundled routes serve, and a broken
 * custom file is the engineer's to fix, not a reason for the load balancer to drop the instance.
 */
@Component("routes")
public class RoutesHealthIndicator extends AbstractHealthIndicator {

    private final RouteOverview overview;

    public RoutesHealthIndicator(RouteOverview overview) {
        this.overview = overview;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("skippedFiles", overview.skippedProblems()).withDetail("lastReload", overview.lastReload());
    }
}
