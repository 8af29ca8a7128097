package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Maybe sent means UNKNOWN (docs/developing.md#maybe-sent-means-unknown): once an attempt may have reached the provider, what later attempts say
 * about themselves (circuit open, 503, connection refused) cannot make the payment FAILED or release its key.
 */
class MaybeSentTest extends GatewayApiTest {

    @Test
    void a_retry_that_sent_nothing_after_an_attempt_that_may_have_arrived_leaves_the_payment_unknown() {
        String phone = Phones.uganda();
        String key = UUID.randomUUID().toString();
        String body = "{\"amount\":\"2000\",\"phoneNumber\":\"" + phone + "\"}";
        // MTN takes the first attempt but answers after the response timeout (and its callback is lost);
        // both retries are then turned away with 503, which by itself says "not received".
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,"
                + "\"delayMs\":3000,\"delayAfterProcessing\":true,\"suppressCallback\":true}");
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":2,\"httpStatus\":503}");

        HttpResponseView first = http.post("/api/v1/collections", apiKey, body, Map.of("Idempotency-Key", key));
        HttpResponseView retried = http.post("/api/v1/collections", apiKey, body, Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().path("status").asText()).isEqualTo("UNKNOWN");
        String id = first.json().path("id").asText();
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.json().path("id").asText()).isEqualTo(id);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");

        awaitStatus(id, "SUCCESSFUL");
        assertThat(mtn.transaction(id).path("statusBody").path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payment WHERE phone_number = ?", Integer.class, phone))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT send_attempts FROM payment WHERE id = ?::uuid", Integer.class, id))
                .isEqualTo(3);
    }

    @Test
    void a_payment_settled_while_its_request_waits_to_resend_is_not_sent_again() {
        String phone = Phones.uganda();
        // MTN takes the request and calls back at once, but its answer comes after the response timeout.
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,"
                + "\"delayMs\":5000,\"delayAfterProcessing\":true}");

        HttpResponseView created = collect(phone, "2000");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(mtn.requests("requesttopay", phone)).isEqualTo(1);
    }
}
