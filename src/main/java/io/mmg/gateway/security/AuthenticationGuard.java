package io.mmg.gateway.security;

import io.mmg.gateway.api.ApiErrors;
import io.mmg.gateway.api.ExchangeProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.springframework.stereotype.Component;

/**
 * Authentication is a property of the path (ApiPaths), not a step a route author must remember: wraps the first step of
 * every route, including routes added later to the external folder, and before a request that came in over HTTP runs
 * it, checks the key the request's path needs (a merchant's unless the path is public or admin). The merchant ends up
 * in the exchange property {@code client} as before, after ClientGuard ran on the raw body, method and path. A refusal
 * is answered in the error format and the route does not run. A request of the operator console carries its session
 * cookie instead of a key (ConsoleSessionAuthenticator).
 */
@Component
public class AuthenticationGuard implements InterceptStrategy {

    private final ApiPaths paths;
    private final ApiKeyAuthenticator merchants;
    private final AdminAuthenticator admin;
    private final ConsoleSessionAuthenticator console;
    private final ApiErrors errors;

    public AuthenticationGuard(ApiPaths paths, ApiKeyAuthenticator merchants, AdminAuthenticator admin,
                               ConsoleSessionAuthenticator console, ApiErrors errors) {
        this.paths = paths;
        this.merchants = merchants;
        this.admin = admin;
        this.console = console;
        this.errors = errors;
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return isFirstStepOfRoute(definition) ? new Guarded(target) : target;
    }

    private static boolean isFirstStepOfRoute(NamedNode node) {
        RouteDefinition route = node instanceof ProcessorDefinition<?>
                ? ProcessorDefinitionHelper.getRoute(node) : null;
        return route != null && !route.getOutputs().isEmpty() && route.getOutputs().get(0) == node;
    }

    /** Checks the request's path, then runs the route's first step, or answers the refusal instead. */
    void check(Exchange exchange) {
        if (exchange.getProperty(ExchangeProperties.PATH_AUTHENTICATION_CHECKED) != null || !cameOverHttp(exchange)) {
            return;
        }
        exchange.setProperty(ExchangeProperties.PATH_AUTHENTICATION_CHECKED, true);
        ApiPaths.Access access = paths.of(path(exchange));
        // The operator console's session cookie instead of a key (never when an Authorization header is sent).
        if (access != ApiPaths.Access.PUBLIC && console.admit(exchange, access)) {
            return;
        }
        switch (access) {
            case MERCHANT -> merchants.authenticate(exchange);
            case ADMIN -> admin.authenticate(exchange);
            default -> { }
        }
    }

    private static boolean cameOverHttp(Exchange exchange) {
        Endpoint from = exchange.getFromEndpoint();
        String uri = from == null ? "" : from.getEndpointUri();
        return uri.startsWith("platform-http:") || uri.startsWith("rest:") || uri.startsWith("rest-api:");
    }

    /** The path as the container decoded and normalised it. */
    private static String path(Exchange exchange) {
        if (exchange.getMessage() instanceof PlatformHttpMessage http && http.getRequest() != null) {
            HttpServletRequest request = http.getRequest();
            return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        }
        String uri = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        return uri == null ? "" : uri.split("\\?", 2)[0];
    }

    private final class Guarded extends DelegateAsyncProcessor {

        Guarded(Processor target) {
            super(target);
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            try {
                check(exchange);
            } catch (RuntimeException refused) {
                // A refusal (ApiException), or a check that could not run (the database gone: ApiErrors answers 503).
                // Either way the exchange must be answered here: thrown out of process(), it would never complete.
                exchange.setProperty(Exchange.EXCEPTION_CAUGHT, refused);
                errors.reply(exchange);
                exchange.setRouteStop(true);
                callback.done(true);
                return true;
            }
            return super.process(exchange, callback);
        }
    }
}
