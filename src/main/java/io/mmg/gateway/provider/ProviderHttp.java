package io.mmg.gateway.provider;

import io.mmg.gateway.api.ExchangeProperties;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns the exchange into the provider's HTTP request and back. All message headers are cleared on
 * the way out and on the way back: the caller's API key or Idempotency-Key must never reach a provider,
 * and a provider's headers must never reach our caller.
 */
@Component("providerHttp")
public class ProviderHttp {

    public void prepare(Exchange exchange, String baseUrl) {
        ProviderCall call = exchange.getProperty(ExchangeProperties.PROVIDER_CALL, ProviderCall.class);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        for (Map.Entry<String, String> header : call.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        String authorization = exchange.getProperty(ExchangeProperties.PROVIDER_AUTHORIZATION, String.class);
        if (authorization != null && !call.headers().containsKey("Authorization")) {
            message.setHeader("Authorization", authorization);
        }
        // The enum itself: camel-http reads this header as HttpMethods, and converting a String to it is a
        // fallback converter search on every call.
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(call.method()));
        message.setHeader(Exchange.HTTP_URI, baseUrl + call.path());
        message.setBody(call.body());
    }

    /**
     * Sends a call through a provider's http route from outside a payment route (a token request) and returns
     * the answer; a failure without an answer is rethrown for the caller's route to handle.
     */
    public static ProviderReply send(ProducerTemplate producer, String httpRoute, ProviderCall call) {
        Exchange answer = producer.send(httpRoute, exchange -> exchange.setProperty(ExchangeProperties.PROVIDER_CALL, call));
        if (answer.getException() != null) {
            throw RetryableProviderException.wrap(answer.getException());
        }
        return answer.getMessage().getBody(ProviderReply.class);
    }

    public ProviderReply capture(Exchange exchange) {
        Message message = exchange.getMessage();
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = message.getBody(String.class);
        message.removeHeaders("*");
        return new ProviderReply(status == null ? 0 : status, body == null ? "" : body);
    }
}
