package io.mmg.gateway.live;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * The live status WebSocket on the servlet container that serves the routes (Tomcat, through Spring MVC). Any origin
 * may connect: checkout pages live on the merchants' sites, and the client token, not a cookie, is the credential.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveWebSocketConfiguration implements WebSocketConfigurer {

    private final LiveWebSocketHandler handler;
    private final LiveHandshake handshake;

    LiveWebSocketConfiguration(LiveWebSocketHandler handler, LiveHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
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
