package io.mmg.gateway.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import io.mmg.gateway.support.HttpResponseView;
import io.mmg.gateway.support.Phones;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MTN OAuth tokens: one per product, reused, replaced when rejected or expired, fetched once under load. */
class MtnTokenTest extends GatewayApiTest {

    @AfterEach
    void restoreSandbox() {
        mtn.reset();
    }

    @Test
    void a_cached_token_serves_many_requests() {
        collect(Phones.uganda(), "1000");   // makes sure a token is cached
        http.send("DELETE", "/sandbox/control/mtn/stats", null, Map.of());

        for (int i = 0; i < 5; i++) {
            assertThat(collect(Phones.uganda(), "1000").status()).isEqualTo(202);
        }

        assertThat(mtn.requests("collection/token", null)).isZero();
    }

    @Test
    void a_rejected_token_is_replaced_and_the_request_goes_through() {
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,\"httpStatus\":401}");
        http.send("DELETE", "/sandbox/control/mtn/stats", null, Map.of());

        HttpResponseView response = collect(phone, "1000");

        assertThat(response.status()).isEqualTo(202);
        assertThat(mtn.requests("collection/token", null)).isEqualTo(1);
        assertThat(mtn.requests("requesttopay", phone)).isEqualTo(2);
    }

    @Test
    void a_rejected_disbursement_token_is_replaced_from_the_disbursement_token_endpoint() {
        String phone = Phones.uganda();
        http.post("/api/v1/disbursements", apiKey, "{\"amount\":\"1000\",\"phoneNumber\":\"" + phone + "\"}");
        mtn.addFault("{\"operation\":\"disbursement/transfer\",\"msisdn\":\"" + phone + "\",\"times\":1,\"httpStatus\":401}");
        http.send("DELETE", "/sandbox/control/mtn/stats", null, Map.of());

        HttpResponseView payout = http.post("/api/v1/disbursements", apiKey,
                "{\"amount\":\"1000\",\"phoneNumber\":\"" + phone + "\"}");

        assertThat(payout.status()).isEqualTo(202);
        assertThat(mtn.requests("disbursement/token", null)).isEqualTo(1);
        assertThat(mtn.requests("disbursement/transfer", phone)).isEqualTo(2);
    }

    @Test
    void an_expired_token_is_fetched_again_once_for_many_concurrent_requests() throws Exception {
        http.send("PUT", "/sandbox/control/mtn", "{\"settings\":{\"token-ttl\":\"2s\"}}", Map.of("Content-Type", "application/json"));
        String phone = Phones.uganda();
        mtn.addFault("{\"operation\":\"requesttopay\",\"msisdn\":\"" + phone + "\",\"times\":1,\"httpStatus\":401}");
        collect(phone, "1000");                     // the gateway now holds a token that lives 2 s
        // Its successor lives long, so exactly one refresh follows the expiry, whoever needs the token first
        // (these requests, or the poller asking about an earlier test's payment).
        http.send("PUT", "/sandbox/control/mtn", "{\"settings\":{\"token-ttl\":\"3600s\"}}", Map.of("Content-Type", "application/json"));
        http.send("DELETE", "/sandbox/control/mtn/stats", null, Map.of());
        Thread.sleep(2_500);

        // As many at once as the product's bulkhead always admits (8 places, of which the poller's status queries
        // may hold half); more would be refused NOT_SENT whenever they overlap, which is the bulkhead doing its job.
        List<CompletableFuture<HttpResponseView>> calls = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> collect(Phones.uganda(), "1000"))).toList();

        for (CompletableFuture<HttpResponseView> call : calls) {
            assertThat(call.get().status()).isEqualTo(202);
        }
        assertThat(mtn.requests("collection/token", null)).isEqualTo(1);
    }
}
