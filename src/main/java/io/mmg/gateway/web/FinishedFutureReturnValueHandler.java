package io.mmg.gateway.web;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * When camel-platform-http's consumer returns a {@link CompletableFuture} that is already complete (its route ran on
 * the request thread, {@link RoutesOnRequestThread}), the route has written its answer: the request ends here,
 * without Spring MVC's asynchronous start and second dispatch. A future still running goes to Spring's own handling.
 */
final class FinishedFutureReturnValueHandler implements HandlerMethodReturnValueHandler {

    private final List<HandlerMethodReturnValueHandler> springHandlers;

    FinishedFutureReturnValueHandler(List<HandlerMethodReturnValueHandler> springHandlers) {
        this.springHandlers = List.copyOf(springHandlers);
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        // Only camel-platform-http's consumer: it writes the answer itself and its future carries no value. Another
        // handler's finished future has a value still to be written, which Spring's own handling does.
        return SpringBootPlatformHttpConsumer.class.isAssignableFrom(returnType.getContainingClass())
                && CompletableFuture.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer container,
                                  NativeWebRequest request) throws Exception {
        if (returnValue instanceof CompletableFuture<?> future && future.isDone()) {
            container.setRequestHandled(true);
            try {
                future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
            return;
        }
        for (HandlerMethodReturnValueHandler handler : springHandlers) {
            if (handler.supportsReturnType(returnType)) {
                handler.handleReturnValue(returnValue, returnType, container, request);
                return;
            }
        }
        throw new IllegalStateException("No handler for " + returnType);
    }
}
