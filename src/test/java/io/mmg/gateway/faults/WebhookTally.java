package io.mmg.gateway.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mmg.gateway.sandbox.CallbackReceiver;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A merchant's webhook endpoint in the test, counting events per payment and deliveries per event id. */
final class WebhookTally implements AutoCloseable {

    private static final String PATH = "/webhooks";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallbackReceiver receiver = new CallbackReceiver();

    String url() {
        return receiver.url(PATH);
    }

    int deliveries() {
        return deliveries(receiver).size();
    }

    /** Payment id to the event ids that announced it. */
    Map<String, Set<String>> eventsPerPayment() {
        return deliveries(receiver).stream().collect(Collectors.groupingBy(
                delivery -> read(delivery.body()).path("data").path("id").asText(), TreeMap::new,
                Collectors.mapping(delivery -> delivery.header("X-Gateway-Event-Id"), Collectors.toSet())));
    }

    /** Event id to how many times it was delivered. */
    Map<String, Long> deliveriesPerEvent() {
        return deliveries(receiver).stream().collect(Collectors.groupingBy(
                delivery -> delivery.header("X-Gateway-Event-Id"), TreeMap::new, Collectors.counting()));
    }

    @Override
    public void close() {
        receiver.close();
    }

    private static List<CallbackReceiver.Received> deliveries(CallbackReceiver receiver) {
        return receiver.received(PATH);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Webhook body not JSON: " + body, e);
        }
    }
}
