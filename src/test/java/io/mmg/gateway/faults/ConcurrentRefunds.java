package io.mmg.gateway.faults;

import io.mmg.gateway.support.FaultDatabase;
import io.mmg.gateway.support.GatewayHttp;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.JarProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Full refunds of one collection sent at once to several instances, as a merchant's retrying workers would. */
final class ConcurrentRefunds {

    private ConcurrentRefunds() {
    }

    /** {@code count} full refunds ({}), instances and keys taken in turn ({@code keys} of them). */
    static List<HttpResponseView> send(List<JarProcess> gateways, String original, String keyPrefix, int keys,
                                       int count) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(count);
        List<Future<HttpResponseView>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GatewayHttp http = new GatewayHttp(gateways.get(i % gateways.size()).port());
            String key = keyPrefix + (i % keys);
            sent.add(senders.submit(() -> http.post("/api/v1/payments/" + original + "/refunds", FaultGateways.API_KEY,
                    "{}", Map.of("Idempotency-Key", key))));
        }
        List<HttpResponseView> answers = new ArrayList<>();
        for (Future<HttpResponseView> answer : sent) {
            answers.add(answer.get(2, TimeUnit.MINUTES));
        }
        senders.shutdown();
        return answers;
    }

    /** The refunds of a payment that did not fail: id, status, amount. */
    static List<String> notFailed(FaultDatabase database, String original) throws SQLException {
        List<String> refunds = new ArrayList<>();
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT id, status, amount FROM payment WHERE original_payment_id = CAST(? AS uuid) AND status <> 'FAILED'")) {
            statement.setString(1, original);
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                refunds.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getBigDecimal(3));
            }
        }
        return refunds;
    }
}
