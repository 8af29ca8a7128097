package io.mmg.gateway.config;

import io.mmg.gateway.database.DatabaseSettings;
import io.mmg.gateway.payment.InitiationBudget;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How long the web server lets a request run before it answers by itself (Spring MVC's async request timeout,
 * 30 s when not set). Routes now run on the request thread (web/RoutesOnRequestThread) and are not bounded by it;
 * it still bounds any answer that goes asynchronous. When routes ran on threads of their own, a timeout shorter than a
 * route answered 503 while the route went on, sent the payment, and then failed to write its own answer on a
 * recycled response: two answers, the first one false. So the timeout is derived from the bounds of the longest
 * route, a payment request: the provider budget (every attempt timing out, {@link InitiationBudget}) plus the
 * database bounds of its statements. The route always answers first, with the truth; spring.mvc.async.request-timeout
 * is not used.
 */
@Configuration(proxyBeanMethods = false)
class RequestTimeoutConfiguration implements WebMvcConfigurer {

    /**
     * Statements on the longest path (a refund: the original payment, insert, idempotent replay, M-Pesa status
     * token, record the outcome), rounded up.
     */
    static final int STATEMENTS_PER_REQUEST = 6;

    private final Duration timeout;

    RequestTimeoutConfiguration(InitiationBudget budget, DatabaseSettings database) {
        this.timeout = timeout(budget.seconds(), database);
    }

    static Duration timeout(long providerBudgetSeconds, DatabaseSettings database) {
        return Duration.ofSeconds(providerBudgetSeconds)
                .plus(database.statementBound().multipliedBy(STATEMENTS_PER_REQUEST));
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(timeout.toMillis());
    }
}
