package io.mmg.gateway.web;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * API and callback routes run on the web server's request thread, start to finish.
 *
 * <p>camel-platform-http on Spring Boot hands every request to a task pool and answers through the servlet's
 * asynchronous mode: the request went from Tomcat's thread to a pool thread and back, and through Spring MVC's
 * dispatcher twice. A route blocks on PostgreSQL and the provider either way, so the hand-overs bought nothing but
 * CPU (docs/benchmarks.md, "Routes on the request thread"). Here the consumer runs the route on the calling thread
 * ({@code Runnable::run}), and {@link FinishedFutureReturnValueHandler} ends the request there when the route has
 * answered. The request threads (server.tomcat.threads.max, GATEWAY_REQUEST_THREADS) bound the requests in flight.
 */
@Configuration(proxyBeanMethods = false)
class RoutesOnRequestThread {

    /** Camel finds the engine by this name (as camel-platform-http-starter names its own, which this replaces). */
    @Bean("platform-http-engine")
    PlatformHttpEngine platformHttpEngine(@Value("${server.port:8080}") int port) {
        return new SpringBootPlatformHttpEngine(port, Runnable::run);
    }

    @Bean
    static BeanPostProcessor finishedFuturesAnswerAtOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getReturnValueHandlers() != null) {
                    List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
                    handlers.add(0, new FinishedFutureReturnValueHandler(handlers));
                    adapter.setReturnValueHandlers(handlers);
                }
                return bean;
            }
        };
    }
}
