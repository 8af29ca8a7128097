package io.mmg.gateway.sandbox;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The {@code dropConnection} fault: the simulator processes a request, then the connection closes without a byte
 * of answer, as when a proxy or the network dies after the provider read the request. A servlet cannot do that
 * (whatever it returns, the container writes a response), so a Tomcat valve holds the simulator's answer back
 * and, when the fault hit, tells the connector to close the connection instead of writing it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
@ConditionalOnClass(ValveBase.class)
public class SandboxConnectionDrops {

    private static final String DROP = SandboxConnectionDrops.class.getName() + ".drop";
    private static final String SIMULATOR_PATHS = "/sandbox/";

    /** Marks the request being served: its connection closes instead of answering. */
    static void dropCurrentConnection() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            throw new IllegalStateException("dropConnection needs an HTTP request to drop");
        }
        attributes.setAttribute(DROP, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> sandboxConnectionDropValve() {
        return factory -> factory.addContextValves(new DropValve());
    }

    static final class DropValve extends ValveBase {

        DropValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if (!request.getRequestURI().startsWith(SIMULATOR_PATHS)) {
                getNext().invoke(request, response);
                return;
            }
            // Buffered, so nothing is committed before we know whether to answer at all.
            HttpServletResponse application = response.getResponse();
            ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(application);
            response.setResponse(held);
            try {
                getNext().invoke(request, response);
            } finally {
                response.setResponse(application);
            }
            if (Boolean.TRUE.equals(request.getAttribute(DROP))) {
                response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
            } else {
                held.copyBodyToResponse();
            }
        }
    }
}
