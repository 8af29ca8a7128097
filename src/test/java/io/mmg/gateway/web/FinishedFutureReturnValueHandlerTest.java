package io.mmg.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;

/** Only camel-platform-http's consumer answers by itself; another handler's finished future still has a value to write. */
class FinishedFutureReturnValueHandlerTest {

    private final FinishedFutureReturnValueHandler handler = new FinishedFutureReturnValueHandler(List.of());

    @Test
    void the_platform_http_consumer_future_is_taken() throws Exception {
        MethodParameter service = new MethodParameter(SpringBootPlatformHttpConsumer.class.getMethod("service",
                HttpServletRequest.class, HttpServletResponse.class), -1);

        assertThat(handler.supportsReturnType(service)).isTrue();
    }

    @Test
    void a_controller_future_with_a_value_is_left_to_spring() throws Exception {
        MethodParameter answer = new MethodParameter(SomeController.class.getDeclaredMethod("answer"), -1);

        assertThat(handler.supportsReturnType(answer)).isFalse();
    }

    static class SomeController {
        CompletableFuture<String> answer() {
            return CompletableFuture.completedFuture("a value Spring must still write");
        }
    }
}
