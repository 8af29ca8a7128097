package io.mmg.gateway.live;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * The live status WebSocket on the servlet container that serves the routes (Tomcat, through Spring MVC). Any origin
 * may connect: checkout pages live on the merchants' sites, and the client token, not a cookie, is the credential.
 * Not in a context without a web server (ServletServerContainerFactoryBean needs Tomcat's container).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSocket
class LiveWebSocketConfiguration implements WebSocketConfigurer {

    private static final int RECEIVE_BUFFER_BYTES = 1024;

    private final LiveWebSocketHandler handler;
    private final LiveHandshake handshake;

    LiveWebSocketConfiguration(LiveWebSocketHandler handler, LiveHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    /**
     * Small receive buffers: a page sends nothing the gateway reads, and Tomcat's default buffers (8 KB of text and of
     * bytes per connection) were most of a connection's memory (benchmarks/live-status.sh).
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer(LiveSettings settings) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(RECEIVE_BUFFER_BYTES);
        container.setMaxBinaryMessageBufferSize(RECEIVE_BUFFER_BYTES);
        container.setAsyncSendTimeout(settings.sendTimeout().toMillis());
        container.setMaxSessionIdleTimeout(settings.idleTimeout().plusMinutes(1).toMillis());
        return container;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        DefaultHandshakeHandler handshakeHandler = new DefaultHandshakeHandler();
        handshakeHandler.setSupportedProtocols(LiveRequests.PROTOCOL);
        registry.addHandler(handler, ClientTokenReplies.LIVE_PATHS + "*")
                .setHandshakeHandler(handshakeHandler)
                .addInterceptors(handshake)
                .setAllowedOriginPatterns("*");
    }
}
